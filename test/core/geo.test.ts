import { expect } from '@open-wc/testing';
import { areaAt, distance } from '../../src/core/geo.js';
import type { Area, Polygon, ServiceData } from '../../src/core/types.js';

/** A rectangle as a GeoJSON ring, anticlockwise and closed. */
function box(west: number, south: number, east: number, north: number): [number, number][] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

function area(id: string, parent: string | null, boundary: Area['boundary']): Area {
  return { id, name: id, level: null, parent, center: null, boundary };
}

function dataset(areas: Area[]): ServiceData {
  return {
    version: 1,
    title: null,
    lang: 'zh-CN',
    crs: 'WGS84',
    timezone: 'Asia/Shanghai',
    updated: null,
    attribution: null,
    areas,
    venues: [],
    matters: [],
    bundles: [],
    calendar: { region: 'CN', years: [], off: [], work: [] },
  };
}

describe('distance', () => {
  // expected values worked out from the haversine formula with R = 6,371,008.8 m
  it('should measure one degree along the equator', () => {
    expect(distance([0, 0], [1, 0])).to.be.closeTo(111_195.08, 0.01);
  });

  it('should measure from the equator to the pole', () => {
    expect(distance([0, 0], [0, 90])).to.be.closeTo(10_007_557.22, 0.01);
  });

  it('should measure half the globe for antipodal points', () => {
    expect(distance([0, 0], [180, 0])).to.be.closeTo(20_015_114.44, 0.01);
  });

  it('should measure Beijing to Shanghai', () => {
    expect(distance([116.4074, 39.9042], [121.4737, 31.2304])).to.be.closeTo(1_067_311.65, 1);
  });

  it('should measure Wuhan to Beijing', () => {
    expect(distance([114.3055, 30.5928], [116.4074, 39.9042])).to.be.closeTo(1_052_732.11, 1);
  });

  it('should measure across the date line (Sydney to Santiago)', () => {
    expect(distance([151.2093, -33.8688], [-70.6693, -33.4489])).to.be.closeTo(11_346_730.79, 1);
  });

  it('should be zero for one point and the same both ways', () => {
    expect(distance([114.4, 30.5], [114.4, 30.5])).to.equal(0);
    expect(distance([114.4, 30.5], [114.3, 30.6])).to.equal(distance([114.3, 30.6], [114.4, 30.5]));
  });
});

describe('areaAt', () => {
  // a district, two streets, a community with a hole (a campus that is not
  // part of it) in the first street, and a street without a boundary
  const district = area('420111', null, {
    type: 'Polygon',
    coordinates: [box(114.3, 30.4, 114.6, 30.6)],
  });
  const guanshan = area('420111002', '420111', {
    type: 'Polygon',
    coordinates: [box(114.38, 30.46, 114.45, 30.52)],
  });
  const shizishan = area('420111003', '420111', {
    type: 'MultiPolygon',
    coordinates: [[box(114.3, 30.46, 114.37, 30.52)], [box(114.5, 30.41, 114.55, 30.45)]],
  });
  const guanggu = area('420111002001', '420111002', {
    type: 'Polygon',
    coordinates: [box(114.4, 30.48, 114.43, 30.51), box(114.41, 30.49, 114.42, 30.5)],
  });
  const noBoundary = area('420111004', '420111', null);
  // listed shallow first, so the answer cannot come from document order
  const data = dataset([district, guanshan, shizishan, guanggu, noBoundary]);

  it('should find the community before its street and district', () => {
    expect(areaAt(data, [114.405, 30.505])?.id).to.equal('420111002001');
  });

  it('should find the street when the point is in a hole of its community', () => {
    expect(areaAt(data, [114.415, 30.495])?.id).to.equal('420111002');
  });

  it('should find the street outside the community', () => {
    expect(areaAt(data, [114.44, 30.47])?.id).to.equal('420111002');
  });

  it('should look in every part of a multipolygon', () => {
    expect(areaAt(data, [114.35, 30.48])?.id).to.equal('420111003');
    expect(areaAt(data, [114.52, 30.43])?.id).to.equal('420111003');
  });

  it('should fall back to the district between its streets', () => {
    expect(areaAt(data, [114.32, 30.58])?.id).to.equal('420111');
  });

  it('should find nothing outside every boundary', () => {
    expect(areaAt(data, [114.7, 30.5])).to.equal(null);
    expect(areaAt(data, [NaN, 30.5])).to.equal(null);
  });

  it('should find nothing when no area has a boundary', () => {
    expect(areaAt(dataset([noBoundary]), [114.4, 30.5])).to.equal(null);
  });

  it('should accept rings that do not repeat their first vertex', () => {
    const open: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 1, 1).slice(0, 4)] };

    const found = areaAt(dataset([area('open', null, open)]), [0.5, 0.5]);

    expect(found?.id).to.equal('open');
  });

  it('should survive a loop of parents', () => {
    const a = area('a', 'b', { type: 'Polygon', coordinates: [box(0, 0, 2, 2)] });
    const b = area('b', 'a', { type: 'Polygon', coordinates: [box(0, 0, 1, 1)] });

    expect(areaAt(dataset([a, b]), [0.5, 0.5])?.id).to.be.oneOf(['a', 'b']);
  });
});

describe('distance on bad input', () => {
  it('should throw a sentence naming the fix instead of returning NaN', () => {
    expect(() => distance([1] as unknown as [number, number], [1, 2])).to.throw(
      TypeError,
      'distance() takes two [lng, lat] points of finite numbers; got [1] and [1,2].',
    );
  });
});
