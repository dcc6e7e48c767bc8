/**
 * Floorline custom functions for Google Sheets (Extensions → Apps Script → paste this file, set
 * FLOORLINE_URL, save). In a cell:
 *
 *   =FLOORGAP(10, 16, "kg")                        → 6      the floor-gap duty per kg
 *   =FLOORGAP(B2, C2, "kg", "adValoremEquivalent")  → any field of the floor-gap answer
 *   =LANDEDCOST("ndfeb-magnet", "CN", 10000, "kg", 75, "kg", "US", "2026-03-01")
 *                                                   → the landed cost in USD
 *
 * Each call asks the API for one value as text (format=text) and returns it as a number, so the
 * sheet's own locale never misreads it. An API error (a bad field, a missing rate) shows in the
 * cell as the API's message, which names the field. Dates pin the answer: with `asOf` the API marks
 * it cacheable for a day, and Sheets' own cache of UrlFetchApp answers stays valid.
 */

/** Your deployment, without a trailing slash. */
var FLOORLINE_URL = 'http://localhost:8787';
/** Your API key, when the deployment requires one (sent as ?key=). */
var FLOORLINE_KEY = '';

/** The query string of a call: parameters in order, blanks left out, every value encoded. */
function floorlineQuery_(params) {
  var parts = [];
  for (var i = 0; i < params.length; i++) {
    var name = params[i][0];
    var value = params[i][1];
    if (value === undefined || value === null || value === '') continue;
    var text =
      Object.prototype.toString.call(value) === '[object Date]'
        ? Utilities.formatDate(value, 'UTC', 'yyyy-MM-dd')
        : String(value);
    parts.push(encodeURIComponent(name) + '=' + encodeURIComponent(text));
  }
  if (FLOORLINE_KEY !== '') parts.push('key=' + encodeURIComponent(FLOORLINE_KEY));
  return parts.join('&');
}

/** One value from a GET form of the API, as a number when it is one. */
function floorlineValue_(path, params) {
  var url = FLOORLINE_URL + path + '?' + floorlineQuery_(params.concat([['format', 'text']]));
  var response = UrlFetchApp.fetch(url, { muteHttpExceptions: true });
  var text = response.getContentText();
  if (response.getResponseCode() !== 200) {
    var detail = text;
    try {
      detail = JSON.parse(text).detail;
    } catch (e) {
      // Not problem+json: show the body as it came.
    }
    throw new Error('Floorline: ' + detail);
  }
  return /^-?[0-9]+(\.[0-9]+)?$/.test(text) ? Number(text) : text;
}

/**
 * The floor-gap duty: the duty that lifts an import priced `price` per `per` to `floor` per `per`.
 * @param {number} price customs value per unit
 * @param {number} floor the price floor per unit
 * @param {string} per unit of both: t, kg, g, lb, st or ozt
 * @param {string} field optional: dutyPerUnit (default), duty, adValoremEquivalent, landedPerUnit, …
 * @param {string} method optional: full-gap (default), tranche, capped, all-or-nothing
 * @param {number} otherDutyRate optional: ad valorem duties already charged, e.g. 0.25
 * @return the value of `field`
 * @customfunction
 */
function FLOORGAP(price, floor, per, field, method, otherDutyRate) {
  return floorlineValue_('/v1/floor-gap', [
    ['price', price],
    ['floor', floor],
    ['per', per],
    ['method', method],
    ['otherDutyRate', otherDutyRate],
    ['field', field || 'dutyPerUnit'],
  ]);
}

/**
 * The landed cost of a shipment: goods, freight, insurance, every duty and fee in force.
 * @param {string} mineral a mineral id, e.g. ndfeb-magnet, nd-oxide
 * @param {string} origin ISO country code of origin, e.g. CN
 * @param {number} quantity how much
 * @param {string} unit unit of quantity: t, kg, g, lb, st or ozt
 * @param {number} price price per `per`, in USD
 * @param {string} per unit of the price
 * @param {string} destination optional: ISO country code or EU; default US
 * @param {Date|string} asOf optional: the date of entry; default today
 * @param {string} field optional: landedCost (default), duties, fees, effectiveDutyRate, …
 * @return the value of `field`
 * @customfunction
 */
function LANDEDCOST(mineral, origin, quantity, unit, price, per, destination, asOf, field) {
  return floorlineValue_('/v1/landed-cost', [
    ['mineral', mineral],
    ['origin', origin],
    ['destination', destination],
    ['asOf', asOf],
    ['quantity', quantity],
    ['unit', unit],
    ['price', price],
    ['per', per],
    ['field', field || 'landedCost'],
  ]);
}
