import { expect } from '@open-wc/testing';
import { convert, inMainlandChina } from '../../src/core/crs.js';
import { distance } from '../../src/core/geo.js';
import type { LngLat } from '../../src/core/types.js';

// Published pairs from gcoord's fixture of Chinese cities (test/fixtures/
// china-cities.json in hujiulong/gcoord), each point given in the three systems.
const PAIRS: Record<string, { wgs84: LngLat; gcj02: LngLat; bd09?: LngLat }> = {
  wuhan: {
    wgs84: [114.2999512, 30.5955177],
    gcj02: [114.3053942, 30.5931044],
    bd09: [114.3119755, 30.5987732],
  },
  beijing: {
    wgs84: [116.4011517, 39.9028057],
    gcj02: [116.4074002, 39.9042136],
    bd09: [116.4137852, 39.9105355],
  },
  harbin: { wgs84: [126.528903, 45.8017783], gcj02: [126.5349726, 45.8037804] },
  kashgar: { wgs84: [75.9868089, 39.470184], gcj02: [75.9897602, 39.4704064] },
  sanya: { wgs84: [109.507813, 18.2545417], gcj02: [109.5119135, 18.2528524] },
  shenzhen: { wgs84: [114.0527534, 22.5458236], gcj02: [114.0578659, 22.5431014] },
  zhuhai: { wgs84: [113.5716281, 22.27399], gcj02: [113.5766797, 22.2709831] },
};

// about a metre; the fixture gives seven decimals
const TOLERANCE = 1e-5;

const ABROAD: Record<string, LngLat> = {
  osaka: [135.5, 34.69],
  manila: [120.98, 14.6],
  seoul: [126.98, 37.57],
  hongKong: [114.17, 22.3],
  macau: [113.54, 22.19],
  taipei: [121.56, 25.03],
};

function expectClose(actual: LngLat, expected: LngLat, tolerance = TOLERANCE): void {
  expect(actual[0]).to.be.closeTo(expected[0], tolerance);
  expect(actual[1]).to.be.closeTo(expected[1], tolerance);
}

describe('convert', () => {
  describe('when the point is in mainland China', () => {
    for (const [city, pair] of Object.entries(PAIRS)) {
      it(`should shift ${city} from GCJ-02 to its published WGS-84 point`, () => {
        const result = convert(pair.gcj02, 'GCJ02', 'WGS84');

        expectClose(result, pair.wgs84);
      });

      it(`should shift ${city} from WGS-84 to its published GCJ-02 point`, () => {
        const result = convert(pair.wgs84, 'WGS84', 'GCJ02');

        expectClose(result, pair.gcj02);
      });
    }

    it('should shift by several hundred metres, not by nothing', () => {
      const { gcj02 } = PAIRS.wuhan;

      const [lng, lat] = convert(gcj02, 'GCJ02', 'WGS84');

      // 0.0054° of longitude at 30.6°N is about 520 m
      expect(gcj02[0] - lng).to.be.closeTo(0.005443, 1e-5);
      expect(gcj02[1] - lat).to.be.closeTo(-0.002413, 1e-5);
    });

    it('should convert BD-09 to WGS-84 and back', () => {
      const { wgs84, bd09 } = PAIRS.wuhan;

      expectClose(convert(bd09!, 'BD09', 'WGS84'), wgs84);
      expectClose(convert(wgs84, 'WGS84', 'BD09'), bd09!);
    });

    it('should convert between GCJ-02 and BD-09', () => {
      const { gcj02, bd09 } = PAIRS.beijing;

      expectClose(convert(gcj02, 'GCJ02', 'BD09'), bd09!);
      expectClose(convert(bd09!, 'BD09', 'GCJ02'), gcj02);
    });

    // the point; its GCJ-02 form, [114.3655214, 30.5176636], and that
    // of a point on the lines of the outline's half-degree grid, [104.1025394,
    // 30.5975783], were worked out with the published GCJ-02 formula
    // (Krasovsky ellipsoid) outside this project
    it('should shift the issue’s point [114.36, 30.52] to [114.365521, 30.517664]', () => {
      expectClose(convert([114.36, 30.52], 'WGS84', 'GCJ02'), [114.365521, 30.517664], 0.000001);
    });

    it('should bring the issue’s point back within 0.01 m', () => {
      const back = convert(convert([114.36, 30.52], 'WGS84', 'GCJ02'), 'GCJ02', 'WGS84');

      expect(distance(back, [114.36, 30.52])).to.be.below(0.01);
    });

    it('should shift a point on a line of the outline’s grid', () => {
      expectClose(convert([104.1, 30.6], 'WGS84', 'GCJ02'), [104.102539, 30.597578], 0.000001);
    });

    it('should come back to the start after a round trip', () => {
      const start: LngLat = [114.4096, 30.4908];

      const back = convert(convert(start, 'WGS84', 'GCJ02'), 'GCJ02', 'WGS84');

      expectClose(back, start, 1e-6);
    });
  });

  describe('when the point is outside mainland China', () => {
    for (const [place, point] of Object.entries(ABROAD)) {
      it(`should never shift ${place}`, () => {
        expect(convert(point, 'GCJ02', 'WGS84')).to.deep.equal(point);
        expect(convert(point, 'WGS84', 'GCJ02')).to.deep.equal(point);
        expect(convert(point, 'BD09', 'WGS84')).to.deep.equal(point);
        expect(convert(point, 'WGS84', 'BD09')).to.deep.equal(point);
        expect(convert(point, 'GCJ02', 'BD09')).to.deep.equal(point);
      });
    }
  });

  describe('when the systems are the same', () => {
    it('should treat CGCS2000 as WGS-84', () => {
      const { wgs84, gcj02 } = PAIRS.wuhan;

      expect(convert(wgs84, 'CGCS2000', 'WGS84')).to.deep.equal(wgs84);
      expect(convert(wgs84, 'WGS84', 'CGCS2000')).to.deep.equal(wgs84);
      expectClose(convert(gcj02, 'GCJ02', 'CGCS2000'), wgs84);
    });

    it('should return a copy, never the caller’s array', () => {
      const point: LngLat = [114.3, 30.6];

      const result = convert(point, 'GCJ02', 'GCJ02');

      expect(result).to.deep.equal(point);
      expect(result).to.not.equal(point);
    });
  });
});

describe('inMainlandChina', () => {
  const inside: Record<string, LngLat> = {
    kashgar: [75.99, 39.47],
    harbin: [126.63, 45.75],
    sanya: [109.51, 18.25],
    shenzhen: [114.06, 22.54],
    wuhan: [114.3, 30.59],
    beijing: [116.4, 39.9],
    zhuhai: [113.57, 22.27],
    // shenzhen's shekou across deep bay, zhuhai's hengqin and wanzai beside macau
    shekou: [113.91, 22.48],
    hengqin: [113.52, 22.12],
    wanzai: [113.52, 22.19],
    xiamen: [118.09, 24.48],
    lhasa: [91.13, 29.65],
    urumqi: [87.62, 43.83],
    haikou: [110.35, 20.02],
    yongxingIsland: [112.34, 16.83],
    // answered by the outline's grid: cells the outline crosses, cells wholly
    // inside, and the corner of four cells
    chengdu: [104.07, 30.67],
    xian: [108.94, 34.34],
    shanghai: [121.47, 31.23],
    qingdao: [120.38, 36.07],
    dalian: [121.61, 38.91],
    gridCorner: [104.1, 30.6],
  };
  const outside: Record<string, LngLat> = {
    ...ABROAD,
    hongKongAirport: [113.92, 22.31],
    lantau: [113.95, 22.26],
    kinmen: [118.32, 24.44],
    penghu: [119.58, 23.57],
    hanoi: [105.85, 21.03],
    ulaanbaatar: [106.92, 47.92],
    vladivostok: [131.89, 43.12],
    pyongyang: [125.75, 39.03],
    kathmandu: [85.32, 27.72],
    almaty: [76.89, 43.24],
    busan: [129.07, 35.18],
    tokyo: [139.69, 35.69],
    london: [-0.13, 51.51],
    eastChinaSea: [125.5, 30.0],
    southChinaSea: [116.0, 19.0],
    seaGridCorner: [126.1, 30.6],
    beyondTheBox: [134.76, 48.0],
  };

  for (const [place, point] of Object.entries(inside)) {
    it(`should hold ${place}`, () => {
      expect(inMainlandChina(point)).to.equal(true);
    });
  }

  for (const [place, point] of Object.entries(outside)) {
    it(`should leave out ${place}`, () => {
      expect(inMainlandChina(point)).to.equal(false);
    });
  }

  it('should leave out points that are not numbers', () => {
    expect(inMainlandChina([NaN, 30])).to.equal(false);
    expect(inMainlandChina([114, Infinity])).to.equal(false);
  });
});

// the pair of points; 4430.539 m by the haversine with R = 6,371,008.8 m,
// worked out by hand
describe('distance between the issue’s points', () => {
  it('should measure [114.36, 30.52] to [114.40, 30.50] as 4430.5 m', () => {
    expect(distance([114.36, 30.52], [114.4, 30.5])).to.be.closeTo(4430.5, 1);
  });
});

describe('convert on loosely written input', () => {
  it('should accept the usual spellings of a coordinate system', () => {
    const point: [number, number] = [114.36, 30.52];

    const lower = convert(point, 'wgs84' as 'WGS84', 'gcj-02' as 'GCJ02');

    expect(lower[0]).to.be.closeTo(114.365521, 0.000001);
    expect(lower[1]).to.be.closeTo(30.517664, 0.000001);
  });

  it('should throw a sentence naming the choices for an unknown system', () => {
    expect(() => convert([114.36, 30.52], 'WGS84', 'EPSG:3857' as 'WGS84')).to.throw(
      RangeError,
      'Unknown coordinate system "EPSG:3857": use WGS84, CGCS2000 (EPSG:4490), GCJ02 or BD09.',
    );
  });
});
