import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { builtInKey } from '../domain';
import type { WorkbookPlan } from '../plan';
import type { XlsxBasePackage } from '../xlsx';
import type { BatchJob, BatchRendererFactory } from './werkmappen';
import { gemeentePlan } from './werkmappen';
import type { FromWorker, SharedBase } from './worker-pool';
import { workerHandler, workerQueues } from './worker-pool';

const codes = ['GM0001', 'GM0002', 'GM0003', 'GM0004', 'GM0005', 'GM0006'] as CbsCode[];
const rare = new Set(['GM0002', 'GM0005']);
const shapeOf = (code: CbsCode) => (rare.has(code) ? 'met Regioverdeling' : 'gewoon');

describe('workerQueues', () => {
  it('pins a rare shape to one worker and shares the common one, keeping the order', () => {
    expect(workerQueues(codes, 2, shapeOf)).toEqual({
      shared: ['GM0001', 'GM0003', 'GM0004', 'GM0006'],
      pinned: [['GM0002', 'GM0005'], []],
    });
  });

  it('shares everything without a hint or with one worker', () => {
    expect(workerQueues(codes, 2)).toEqual({ shared: codes, pinned: [[], []] });
    expect(workerQueues(codes, 1, shapeOf)).toEqual({ shared: codes, pinned: [[]] });
  });
});

describe('workerHandler: a base package rendered once for all workers', () => {
  const job: BatchJob = {
    editie: 'vws-2026-04',
    key: builtInKey('spuk-2025', editionInput('vws-2026-04').base),
  };
  const STADSKANAAL = 'GM0037' as CbsCode;
  const VEENDAM = 'GM0047' as CbsCode;
  /** A renderer factory that records its calls; its own package is `made`. */
  function recording(made: XlsxBasePackage) {
    const calls: { base: WorkbookPlan; given: XlsxBasePackage | undefined }[] = [];
    const factory: BatchRendererFactory = async (base, given) => {
      calls.push({ base, given });
      return { render: async () => new Uint8Array([1]), basePackage: given ?? made };
    };
    return { calls, factory };
  }

  it('the first worker shares its base; the second builds that base plan and reuses the package', async () => {
    const mine: XlsxBasePackage = { bytes: new Uint8Array([1, 2, 3]), charts: [] };
    const a = recording(mine);
    const shares: SharedBase[] = [];
    const postedA: FromWorker[] = [];
    const handleA = workerHandler(
      a.factory,
      (m) => postedA.push(m),
      (b) => shares.push(b),
    );
    await handleA({ job });
    await handleA({ code: STADSKANAAL });
    expect(postedA.map((m) => [m.code, 'bytes' in m])).toEqual([[STADSKANAAL, true]]);
    expect(shares.map((b) => [b.code, b.basePackage])).toEqual([[STADSKANAAL, mine]]);

    const b = recording({ bytes: new Uint8Array([9]), charts: [] });
    const sharesB: SharedBase[] = [];
    const postedB: FromWorker[] = [];
    const handleB = workerHandler(
      b.factory,
      (m) => postedB.push(m),
      (x) => sharesB.push(x),
    );
    await handleB({ job });
    await handleB({ base: shares[0] as SharedBase });
    await handleB({ code: VEENDAM });
    expect(postedB.map((m) => [m.code, 'bytes' in m])).toEqual([[VEENDAM, true]]);
    // One renderer, on Stadskanaal's plan (the package's base), given the package; nothing shared again.
    expect(b.calls.map((c) => c.given)).toEqual([mine]);
    expect(b.calls[0]?.base.sheets[0]).toEqual(gemeentePlan(job, STADSKANAAL).sheets[0]);
    expect(sharesB).toEqual([]);
  }, 120_000);
});
