/** The one rule for "earlier editions", shared by the CLI's --van and the pane's "Vergelijk met editie". */
import { earlierEditions } from './earlier-editions';
import { editionManifests } from './editions';

describe('earlierEditions', () => {
  it('the shipped editions: newest first, never the edition itself or a later one', () => {
    const m = editionManifests();
    expect(earlierEditions(m, 'vws-2026-04')).toEqual(['vws-2025-09', 'gala-2023']);
    expect(earlierEditions(m, 'vws-2025-09')).toEqual(['gala-2023']);
    expect(earlierEditions(m, 'gala-2023')).toEqual([]);
    expect(earlierEditions(m, 'vws-2024')).toEqual([]);
  });

  it('an ancestor counts even with a later date; a vorige cycle stops', () => {
    const editions = [
      { id: 'a', datum: '2025-01-01', vorige: 'b' },
      { id: 'b', datum: '2026-01-01', vorige: 'a' },
      { id: 'c', datum: '2024-01-01' },
    ];
    expect(earlierEditions(editions, 'a')).toEqual(['b', 'c']);
    expect(earlierEditions(editions, 'c')).toEqual([]);
  });
});
