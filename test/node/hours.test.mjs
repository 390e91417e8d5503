// The hours engine in the built core under plain Node, with the process in
// Bogotá (UTC-5): chinese-days builds its tables in local time at import, so
// the zone is set before the core is loaded. Run after a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.TZ = 'America/Bogota';
const { openState, readHours, hoursToOpeningHours } = await import('../../dist/core.js');

const H = '周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）';

test('the process runs in Bogotá', () => {
  assert.equal(new Date('2026-12-03T10:00:00+08:00').getTimezoneOffset(), 300);
});

test('a make-up Saturday follows a Friday evening, in Beijing time', () => {
  const state = openState(H, new Date('2026-02-13T17:45:00+08:00'));

  assert.deepEqual(state, {
    status: 'closed',
    changesAt: new Date('2026-02-14T09:00:00+08:00'),
    note: null,
  });
});

test('the Spring Festival of 2026 and 元旦 2027 from the law', () => {
  const festival = openState(H, new Date('2026-02-16T10:00:00+08:00'));
  const newYear = openState(H, new Date('2027-01-01T10:00:00+08:00'));

  assert.deepEqual(festival.changesAt, new Date('2026-02-24T09:00:00+08:00'));
  assert.equal(festival.note, 'holiday');
  assert.deepEqual(newYear, {
    status: 'closed',
    changesAt: new Date('2027-01-04T09:00:00+08:00'),
    note: 'calendar-estimated',
  });
});

test('readHours and hoursToOpeningHours', () => {
  assert.equal(readHours('请电话咨询'), null);
  assert.equal(
    hoursToOpeningHours('工作日 8:30-12:00，14:00-17:00；周六 9:00-12:00 延时服务'),
    'Mo-Fr 08:30-12:00,14:00-17:00; Sa 09:00-12:00; PH off',
  );
});
