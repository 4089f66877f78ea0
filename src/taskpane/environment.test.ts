import type { OfficeLike } from './environment';
import { detectEnvironment } from './environment';

function office(host: string | null, supported = true): OfficeLike & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    onReady: () => Promise.resolve({ host }),
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          asked.push(`${name} ${version ?? ''}`);
          return supported;
        },
      },
    },
  };
}

describe('detectEnvironment', () => {
  it('is ready in Excel with ExcelApi 1.9', async () => {
    const o = office('Excel');
    await expect(detectEnvironment(o)).resolves.toEqual({ kind: 'ready' });
    expect(o.asked).toEqual(['ExcelApi 1.9']);
  });

  it('says unsupported in an Excel without ExcelApi 1.9', async () => {
    await expect(detectEnvironment(office('Excel', false))).resolves.toEqual({ kind: 'unsupported' });
  });

  it('recognises a plain browser: no Office at all, or Office without a host', async () => {
    await expect(detectEnvironment(undefined)).resolves.toEqual({
      kind: 'outside-excel',
      reason: 'no-office',
    });
    await expect(detectEnvironment(office(null))).resolves.toEqual({
      kind: 'outside-excel',
      reason: 'no-host',
    });
  });

  it('names another Office host', async () => {
    await expect(detectEnvironment(office('Word'))).resolves.toEqual({
      kind: 'outside-excel',
      reason: 'other-host',
      host: 'Word',
    });
  });

  it('does not hang when Office never gets ready, nor fail when onReady rejects', async () => {
    const never: OfficeLike = { onReady: () => new Promise(() => undefined) };
    await expect(detectEnvironment(never, 20)).resolves.toEqual({ kind: 'outside-excel', reason: 'no-host' });
    const broken: OfficeLike = { onReady: () => Promise.reject(new Error('x')) };
    await expect(detectEnvironment(broken, 20)).resolves.toEqual({
      kind: 'outside-excel',
      reason: 'no-host',
    });
  });
});
