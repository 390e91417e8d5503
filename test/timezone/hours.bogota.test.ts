import { expect } from '@open-wc/testing';
import { openState } from '../../src/core/hours.js';
import { CASES, H, bj, describeCases } from '../core/hours-cases.js';

// The same table as test/core/hours.test.ts, with the page in Bogotá (UTC-5).
describe('hours with the page in America/Bogota', () => {
  it('should run in Bogotá, where an evening is already the next day in Beijing', () => {
    const at = bj('2026-12-03 10:00');

    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/Bogota');
    expect(at.getTimezoneOffset()).to.equal(300);
    // Thursday 10:00 in Beijing is Wednesday 21:00 here
    expect([at.getDate(), at.getDay(), at.getHours()]).to.deep.equal([2, 3, 21]);
  });

  it('should answer in Beijing time while it is Wednesday evening here', () => {
    const state = openState(H, bj('2026-12-03 10:00'));

    expect(state.status).to.equal('open');
    // closes at 12:00 in Beijing, 23:00 on Wednesday here
    expect(state.changesAt?.toISOString()).to.equal('2026-12-03T04:00:00.000Z');
    expect([state.changesAt?.getDate(), state.changesAt?.getHours()]).to.deep.equal([2, 23]);
  });

  describeCases(CASES);
});
