import type { CbsCode } from '../domain';
import { workerQueues } from './worker-pool';

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
