import { Cell } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { devPersona, listDevPersonas, setDevPersona, type PersonaOption } from '../../services/dev-persona';

/**
 * Local H5 build only: pick whom to act as. The local host maps the choice to an identity the
 * way the platform's OPENID does in production. Pages render this under TARO_ENV === 'h5', so
 * the weapp build drops it.
 */
export default function DevPersonaSwitcher() {
  const [personas, setPersonas] = useState<PersonaOption[]>([]);
  const [current, setCurrent] = useState<string | null>(() => devPersona());

  useEffect(() => {
    listDevPersonas()
      .then(setPersonas)
      .catch(() => setPersonas([]));
  }, []);

  function choose(id: string | null) {
    setDevPersona(id);
    setCurrent(id);
    Taro.showToast({ title: '已切换身份', icon: 'success' });
    // Everything on screen belongs to the previous identity: start over as the new one.
    Taro.reLaunch({ url: '/pages/mine/index' });
  }

  if (personas.length === 0) return null;
  return (
    <Cell.Group title="本地演示：切换身份（仅本地版本）">
      <Cell title="访客（未登录）" extra={current === null ? '当前' : ''} onClick={() => choose(null)} />
      {personas.map((p) => (
        <Cell key={p.id} title={p.label} extra={current === p.id ? '当前' : ''} onClick={() => choose(p.id)} />
      ))}
    </Cell.Group>
  );
}
