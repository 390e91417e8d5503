/**
 * Phone numbers as service lists write them: `027-87654321`, `0531-88923656转8001`,
 * `12345`, `13800138000`, `(027)87654321`, `诊所电话: 2555 0381`, several numbers in
 * one field separated by `、`, `；` or `,`. What is read here is only whether each
 * number is whole; the text itself is kept as written.
 */

export interface PhoneFault {
  kind: 'incomplete' | 'malformed';
  /** The number as written. */
  part: string;
  /** Why, as the end of a sentence: `is only an area code`. */
  why: string;
}

// several numbers in one field, as written (full-width forms too)
const SEPARATORS = /[、;；,，/／|｜\n]|\s{2,}|或|及/;
// a label inside the field: `座机：`, `手机:`, `Tel:` (not an extension's `分机：`)
const INNER_LABEL = /(?<![\p{L}])(?!分机|分機|转|轉|ext)[\p{Script=Han}A-Za-z]{1,8}\s*[:：]/gu;
// a label before the number: `咨询电话：`, `Tel:`, `诊所电话 `
const LABEL = /^[^\d+(]*/;
// an extension after the number
const EXTENSION = /(?:转|轉|分机|分機|ext\.?|x|#)\s*[:：]?\s*\d{1,6}$/i;
// a note in brackets after the number, without digits: `(办公室)`, `（工作日）`
const NOTE = /\([^()\d]*\)$/;
// trailing words after the number: `（值班）` was taken by NOTE; `转人工`, `传真`
const TRAILING_WORDS = /[\p{Script=Han}\s]+$/u;
const DASHES = /[\u2010-\u2015\u2212]/g;
const ALLOWED = /^[\d\s\-()+.]*$/;
const LETTER = /\p{L}/u;

/**
 * The faults of a phone field, one per number that is not whole; an empty list
 * when every number reads as a mobile, a landline (with or without its area
 * code), a hotline (`12345`, `110`, `95588`) or a 400/800 number.
 */
export function phoneFaults(text: string): PhoneFault[] {
  // `/`, `-`, `无`: nothing that could be a number
  if (!/\d/.test(text.normalize('NFKC')) && text.trim() !== '') {
    return [{ kind: 'incomplete', part: text.trim(), why: 'has no digits' }];
  }
  const faults: PhoneFault[] = [];
  // labels inside the field separate numbers (`座机：027-86300001 手机：13800138000`)
  const pieces = text.replace(INNER_LABEL, (label, offset: number) =>
    offset === 0 ? label : `\n${label}`,
  );
  for (const raw of pieces.split(SEPARATORS)) {
    const part = raw.trim();
    if (part === '') continue;
    const fault = numberFault(part);
    if (!fault) continue;
    // `13800138000 13900139000`: numbers separated by single spaces, each whole
    const words = part.split(/\s+/);
    if (words.length > 1 && words.every((word) => /\d/.test(word) && numberFault(word) === null)) {
      continue;
    }
    faults.push(fault);
  }
  return faults;
}

function numberFault(part: string): PhoneFault | null {
  // the label, the note and the extension are not the number
  let number = part.normalize('NFKC').replace(DASHES, '-').replace(LABEL, '');
  number = number.replace(NOTE, '').trim();
  number = number.replace(TRAILING_WORDS, '').trim();
  number = number.replace(EXTENSION, '').trim();
  if (number === '') {
    return { kind: 'incomplete', part, why: 'has no digits' };
  }

  // letters among the digits are a typo (O for 0) or words where a number belongs
  if (!ALLOWED.test(number)) {
    const letters = LETTER.test(number);
    return {
      kind: 'malformed',
      part,
      why: letters ? 'has letters among its digits' : 'has characters a phone number does not',
    };
  }

  // the national number, without a country code
  let digits = number.replace(/\D/g, '');
  const international = number.startsWith('+') || digits.startsWith('00');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (international) {
    if (digits.startsWith('86')) digits = digits.slice(2);
    else if (/^(852|853)\d{8}$/.test(digits) || /^886\d{8,9}$/.test(digits)) return null;
  }
  if (international && digits.length >= 9 && !digits.startsWith('0') && !digits.startsWith('1')) {
    // +86 27 8765 4321: the area code is written without its 0
    digits = `0${digits}`;
  }

  // the forms in use
  if (/^1[3-9]\d{9}$/.test(digits)) return null; // mobile
  if (/^0\d{9,11}$/.test(digits)) return null; // landline with its area code
  if (/^[2-9]\d{6,7}$/.test(digits)) return null; // landline without area code; Hong Kong
  if (/^1\d{2}$|^1\d{4}$|^9[56]\d{3,6}$/.test(digits)) return null; // 110, 12345, 95588
  if (/^[48]00\d{7}$/.test(digits)) return null; // 400 and 800 numbers

  // 027-87654321-8001: an extension after a dash
  const dashed = /^(.*\d)\s*-\s*\d{1,5}$/.exec(number);
  if (dashed && /^0\d{9,11}$/.test(dashed[1].replace(/\D/g, ''))) return null;

  // what is missing or too much
  if (/^0\d{2,3}$/.test(digits)) {
    return { kind: 'incomplete', part, why: 'is only an area code' };
  }
  if (number.endsWith('-')) {
    return { kind: 'incomplete', part, why: 'ends with a dash' };
  }
  if (digits.length < 7) {
    return { kind: 'incomplete', part, why: `has only ${digits.length} digits` };
  }
  if (digits.startsWith('0') && digits.length < 10) {
    return {
      kind: 'incomplete',
      part,
      why: `has only ${digits.length} digits, too few for a landline with its area code`,
    };
  }
  if (digits.length > 12) {
    return {
      kind: 'malformed',
      part,
      why: `has ${digits.length} digits, more than one number holds (separate numbers with "、")`,
    };
  }
  if (/^[2-9]\d{9,10}$/.test(digits) && /^0\d{10,11}$/.test(`0${digits}`)) {
    return {
      kind: 'malformed',
      part,
      why: 'looks like a landline whose area code lost its leading 0 (Excel drops it when a ' +
        'phone is typed as a number)',
    };
  }
  return {
    kind: 'malformed',
    part,
    why: 'is neither a mobile, a landline with its area code nor a hotline',
  };
}
