/**
 * Vehicle catalogue of the simulated tenant: makes and models with PlanSo-style
 * integer ids (assumed), the manufacturer codes (WMI) that start their VINs, and
 * invented key numbers (HSN) for the KBA field.
 */

export type PartNumberStyle = "vag" | "mercedes" | "bmw" | "generic";

export interface Make {
  id: number;
  /** Option text of the `Hersteller` select. */
  name: string;
  /** Seed share in percent. */
  share: number;
  wmis: readonly string[];
  hsns: readonly string[];
  partNumbers: PartNumberStyle;
  models: readonly Model[];
}

export interface Model {
  id: number;
  name: string;
  /** Vehicle class shown in `Klasse`. */
  vehicleClass: string;
  engines: readonly Engine[];
}

export interface Engine {
  engine: string;
  sizeCcm: number | null;
  kw: number;
  code: string;
  curbKg: number;
  grossKg: number;
}

const petrol = (engine: string, sizeCcm: number, kw: number, code: string, curbKg: number): Engine => ({
  engine,
  sizeCcm,
  kw,
  code,
  curbKg,
  grossKg: Math.round((curbKg + 520) / 10) * 10,
});
const electric = (engine: string, kw: number, code: string, curbKg: number): Engine => ({
  engine,
  sizeCcm: null,
  kw,
  code,
  curbKg,
  grossKg: Math.round((curbKg + 480) / 10) * 10,
});

let modelId = 100;
const model = (name: string, vehicleClass: string, engines: readonly Engine[]): Model => ({
  id: ++modelId,
  name,
  vehicleClass,
  engines,
});

export const MAKES: readonly Make[] = [
  {
    id: 1,
    name: "VW",
    share: 25,
    wmis: ["WVW", "WVW", "WVW", "WV2"],
    hsns: ["0603", "0588", "0600"],
    partNumbers: "vag",
    models: [
      model("Golf", "Kompaktklasse", [petrol("1.5 TSI", 1498, 110, "DPCA", 1320), petrol("2.0 TDI", 1968, 85, "DTTA", 1390)]),
      model("Polo", "Kleinwagen", [petrol("1.0 TSI", 999, 70, "DKLA", 1140)]),
      model("Passat", "Mittelklasse", [petrol("2.0 TDI", 1968, 110, "DFCA", 1560)]),
      model("Tiguan", "SUV", [petrol("2.0 TDI", 1968, 110, "DFGA", 1660), petrol("1.5 TSI", 1498, 110, "DPCA", 1550)]),
      model("T-Roc", "SUV", [petrol("1.5 TSI", 1498, 110, "DPCA", 1340)]),
      model("Touran", "Van", [petrol("1.5 TSI", 1498, 110, "DPCA", 1480)]),
      model("ID.3", "Kompaktklasse", [electric("Elektro", 150, "EBJA", 1790)]),
      model("Caddy", "Hochdachkombi", [petrol("2.0 TDI", 1968, 90, "DTRD", 1580)]),
      model("Transporter", "Transporter", [petrol("2.0 TDI", 1968, 110, "CXHA", 1970)]),
    ],
  },
  {
    id: 2,
    name: "Mercedes-Benz",
    share: 12,
    wmis: ["WDD", "W1K"],
    hsns: ["1313", "0710"],
    partNumbers: "mercedes",
    models: [
      model("A-Klasse", "Kompaktklasse", [petrol("A 180", 1332, 100, "M282", 1395)]),
      model("C-Klasse", "Mittelklasse", [petrol("C 220 d", 1993, 147, "OM654", 1690)]),
      model("E-Klasse", "Obere Mittelklasse", [petrol("E 220 d", 1993, 143, "OM654", 1800)]),
      model("GLC", "SUV", [petrol("GLC 300", 1999, 190, "M254", 1880)]),
      model("Vito", "Transporter", [petrol("116 CDI", 2143, 120, "OM651", 2010)]),
      model("Sprinter", "Transporter", [petrol("316 CDI", 2143, 120, "OM651", 2250)]),
    ],
  },
  {
    id: 3,
    name: "BMW",
    share: 10,
    wmis: ["WBA"],
    hsns: ["0005"],
    partNumbers: "bmw",
    models: [
      model("1er", "Kompaktklasse", [petrol("118i", 1499, 103, "B38A15A", 1365)]),
      model("3er", "Mittelklasse", [petrol("320d", 1995, 140, "B47D20B", 1545)]),
      model("5er", "Obere Mittelklasse", [petrol("520d", 1995, 140, "B47D20B", 1705)]),
      model("X1", "SUV", [petrol("sDrive18i", 1499, 100, "B38A15M", 1505)]),
      model("X3", "SUV", [petrol("xDrive20d", 1995, 140, "B47D20B", 1825)]),
    ],
  },
  {
    id: 4,
    name: "Audi",
    share: 9,
    wmis: ["WAU"],
    hsns: ["0588"],
    partNumbers: "vag",
    models: [
      model("A3", "Kompaktklasse", [petrol("35 TFSI", 1498, 110, "DPCA", 1345)]),
      model("A4", "Mittelklasse", [petrol("40 TDI", 1968, 150, "DTPA", 1575)]),
      model("A6", "Obere Mittelklasse", [petrol("40 TDI", 1968, 150, "DTPA", 1730)]),
      model("Q3", "SUV", [petrol("35 TFSI", 1498, 110, "DPCA", 1535)]),
      model("Q5", "SUV", [petrol("40 TDI", 1968, 150, "DTPA", 1805)]),
    ],
  },
  {
    id: 5,
    name: "Opel",
    share: 8,
    wmis: ["W0L", "W0V"],
    hsns: ["0035", "1844"],
    partNumbers: "generic",
    models: [
      model("Corsa", "Kleinwagen", [petrol("1.2 Turbo", 1199, 74, "F12XHT", 1165)]),
      model("Astra", "Kompaktklasse", [petrol("1.2 Turbo", 1199, 96, "F12XHT", 1335)]),
      model("Insignia", "Mittelklasse", [petrol("2.0 Diesel", 1997, 128, "D20DTH", 1560)]),
      model("Mokka", "SUV", [electric("Elektro", 100, "ZKX", 1598)]),
    ],
  },
  {
    id: 6,
    name: "Ford",
    share: 7,
    wmis: ["WF0"],
    hsns: ["8566", "0928"],
    partNumbers: "generic",
    models: [
      model("Fiesta", "Kleinwagen", [petrol("1.0 EcoBoost", 999, 74, "M0JA", 1170)]),
      model("Focus", "Kompaktklasse", [petrol("1.0 EcoBoost", 999, 92, "M1DA", 1320)]),
      model("Kuga", "SUV", [petrol("2.5 PHEV", 2488, 165, "HDFA", 1760)]),
      model("Transit", "Transporter", [petrol("2.0 EcoBlue", 1995, 96, "BKFB", 2070)]),
    ],
  },
  {
    id: 7,
    name: "Škoda",
    share: 7,
    wmis: ["TMB"],
    hsns: ["8004"],
    partNumbers: "vag",
    models: [
      model("Fabia", "Kleinwagen", [petrol("1.0 TSI", 999, 70, "DLAC", 1160)]),
      model("Octavia", "Kompaktklasse", [petrol("2.0 TDI", 1968, 110, "DTTC", 1465)]),
      model("Superb", "Mittelklasse", [petrol("2.0 TDI", 1968, 110, "DTTC", 1560)]),
      model("Kodiaq", "SUV", [petrol("2.0 TDI", 1968, 110, "DFHA", 1690)]),
    ],
  },
  {
    id: 8,
    name: "Seat",
    share: 5,
    wmis: ["VSS"],
    hsns: ["7593"],
    partNumbers: "vag",
    models: [
      model("Ibiza", "Kleinwagen", [petrol("1.0 TSI", 999, 70, "DKLA", 1140)]),
      model("Leon", "Kompaktklasse", [petrol("1.5 TSI", 1498, 110, "DPCA", 1300)]),
      model("Ateca", "SUV", [petrol("1.5 TSI", 1498, 110, "DPCA", 1430)]),
    ],
  },
  {
    id: 9,
    name: "Renault",
    share: 4,
    wmis: ["VF1"],
    hsns: ["3001"],
    partNumbers: "generic",
    models: [
      model("Clio", "Kleinwagen", [petrol("TCe 90", 999, 67, "H4D", 1130)]),
      model("Mégane", "Kompaktklasse", [electric("Elektro", 160, "6AM", 1710)]),
      model("Captur", "SUV", [petrol("TCe 140", 1333, 103, "H5H", 1310)]),
    ],
  },
  {
    id: 10,
    name: "Toyota",
    share: 4,
    wmis: ["SB1", "JTD"],
    hsns: ["5013"],
    partNumbers: "generic",
    models: [
      model("Yaris", "Kleinwagen", [petrol("1.5 Hybrid", 1490, 85, "M15A", 1165)]),
      model("Corolla", "Kompaktklasse", [petrol("1.8 Hybrid", 1798, 90, "2ZR", 1370)]),
      model("RAV4", "SUV", [petrol("2.5 Hybrid", 2487, 160, "A25A", 1690)]),
    ],
  },
  {
    id: 11,
    name: "Hyundai",
    share: 3,
    wmis: ["TMA", "KMH"],
    hsns: ["8253"],
    partNumbers: "generic",
    models: [
      model("i30", "Kompaktklasse", [petrol("1.5 T-GDI", 1482, 117, "G4LH", 1340)]),
      model("Tucson", "SUV", [petrol("1.6 T-GDI", 1598, 110, "G4FP", 1540)]),
    ],
  },
  {
    id: 12,
    name: "Kia",
    share: 2,
    wmis: ["U5Y"],
    hsns: ["7110"],
    partNumbers: "generic",
    models: [
      model("Ceed", "Kompaktklasse", [petrol("1.5 T-GDI", 1482, 103, "G4LH", 1320)]),
      model("Sportage", "SUV", [petrol("1.6 T-GDI", 1598, 110, "G4FP", 1560)]),
    ],
  },
  {
    id: 13,
    name: "Peugeot",
    share: 2,
    wmis: ["VF3"],
    hsns: ["3003"],
    partNumbers: "generic",
    models: [
      model("208", "Kleinwagen", [petrol("PureTech 100", 1199, 74, "EB2ADT", 1165)]),
      model("3008", "SUV", [petrol("BlueHDi 130", 1499, 96, "DV5RC", 1450)]),
    ],
  },
  {
    id: 14,
    name: "Fiat",
    share: 1,
    wmis: ["ZFA"],
    hsns: ["4136"],
    partNumbers: "generic",
    models: [model("500", "Kleinwagen", [petrol("1.0 Hybrid", 999, 51, "46341162", 980)])],
  },
  {
    id: 15,
    name: "Citroën",
    share: 1,
    wmis: ["VF7"],
    hsns: ["3004"],
    partNumbers: "generic",
    models: [model("C3", "Kleinwagen", [petrol("PureTech 83", 1199, 61, "EB2F", 1090)])],
  },
];

export const MAKE_BY_ID = new Map(MAKES.map((make) => [make.id, make]));
export const MODEL_BY_ID = new Map(MAKES.flatMap((make) => make.models.map((m) => [m.id, { make, model: m }] as const)));

/** Paint code and German colour name pairs; invented codes in the style of the makers' codes. */
export const COLOURS: readonly (readonly [string, string])[] = [
  ["LC9X", "Deep Black Perleffekt"],
  ["LA7W", "Reflexsilber Metallic"],
  ["LB9A", "Candy-Weiß"],
  ["0Q0Q", "Pure White"],
  ["LH7X", "Urano-Grau"],
  ["475", "Saphirschwarz Metallic"],
  ["A96", "Mineralweiß Metallic"],
  ["C31", "Portimaoblau Metallic"],
  ["149", "Polarweiß"],
  ["197", "Obsidianschwarz Metallic"],
  ["992", "Selenitgrau Metallic"],
  ["Z2Z", "Schwarz"],
  ["GAZ", "Summit-Weiß"],
  ["9F9F", "Moonstone-Grau"],
  ["F7", "Frozen White"],
  ["GQ", "Magnetic Grau Metallic"],
  ["1F7", "Silber Metallic"],
  ["040", "Weiß"],
  ["8X8X", "Tornadorot"],
  ["KPW", "Perlmuttweiß"],
];
