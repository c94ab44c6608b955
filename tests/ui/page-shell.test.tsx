import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen } from '@testing-library/react';
import PageShell from '../../src/components/PageShell';

describe('PageShell', () => {
  it('ends the page with one way to 首页 · 我的, even with a card that has its own shell inside', () => {
    (Current as { router: unknown }).router = { params: {}, path: '/pages/money/index' };
    render(
      <PageShell loading={false}>
        <span>村里的钱</span>
        <PageShell loading={false} empty emptyTitle="这个月没有账" />
        <PageShell loading={false}>
          <span>收支明细</span>
        </PageShell>
      </PageShell>,
    );
    expect(screen.getAllByLabelText('回到首页或我的')).toHaveLength(1);
  });

  it('shows a skeleton and hides the content while loading', () => {
    const { container } = render(
      <PageShell loading>
        <span>村务内容</span>
      </PageShell>,
    );
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(container.querySelector('.nut-skeleton')).not.toBeNull();
    expect(screen.queryByText('村务内容')).toBeNull();
  });

  it('shows the error message and a retry button that calls back', () => {
    const onRetry = jest.fn();
    render(<PageShell loading={false} error={{ code: 'INTERNAL', message: '系统出了点问题' }} onRetry={onRetry} />);
    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(screen.getByText('系统出了点问题')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('tells a network failure apart from other errors', () => {
    render(<PageShell loading={false} error={{ code: 'UNAVAILABLE', message: '网络不太好' }} onRetry={() => {}} />);
    expect(screen.getByText('网络连接失败')).toBeTruthy();
  });

  it('shows the empty state with its title when there is nothing to show', () => {
    render(<PageShell loading={false} empty emptyTitle="暂无公开内容" emptyDescription="村两委尚未公开" />);
    expect(screen.getByText('暂无公开内容')).toBeTruthy();
    expect(screen.getByText('村两委尚未公开')).toBeTruthy();
  });

  it('lets a page render its own page for errors it understands', () => {
    render(
      <PageShell
        loading={false}
        error={{ code: 'NOT_FOUND', message: 'x' }}
        renderError={(e) => (e.code === 'NOT_FOUND' ? <span>自定义错误页</span> : null)}
      />,
    );
    expect(screen.getByText('自定义错误页')).toBeTruthy();
    expect(screen.queryByText('加载失败')).toBeNull();
  });

  it('shows the content once loaded', () => {
    render(
      <PageShell loading={false}>
        <span>村务内容</span>
      </PageShell>,
    );
    expect(screen.getByText('村务内容')).toBeTruthy();
  });
});
