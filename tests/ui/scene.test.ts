import { codeFromScene, sceneFromPath } from '../../src/services/scene';

describe('reading a code from a scan', () => {
  it('decodes the scene the mini-program passes URL-encoded', () => {
    expect(codeFromScene('hs-yangjia')).toBe('hs-yangjia');
    expect(codeFromScene(encodeURIComponent('hs-yangjia'))).toBe('hs-yangjia');
  });

  it('gives nothing for a missing or undecodable scene', () => {
    expect(codeFromScene(undefined)).toBeNull();
    expect(codeFromScene('')).toBeNull();
    expect(codeFromScene('%E0%A4%A')).toBeNull();
  });

  it('finds the scene in the path 扫一扫 returns for a mini-program code', () => {
    expect(sceneFromPath('pages/village/index?scene=hs-dajiang')).toBe('hs-dajiang');
    expect(sceneFromPath('pages/village/index?x=1&scene=hs%2Ddajiang')).toBe('hs-dajiang');
    expect(sceneFromPath('pages/other/index')).toBeNull();
    expect(sceneFromPath(undefined)).toBeNull();
  });
});
