/**
 * Default mapping between PlanSo form labels and mirror fields. Labels the public
 * PlanSo clients read are observed; labels of fields that only the write body names
 * are the project's assumption (the simulator renders them). Tenants that use other
 * labels override single entries through configuration.
 *
 * Where several labels feed one field, the first label in list order with a non-empty
 * value wins. Writes go to the label found on that order's form, else the first one.
 */

/** Conversion of a label's raw string to a typed mirror value, and back for writes. */
export type ValueKind =
  | "text"
  /** `DD.MM.YYYY` or ISO → `YYYY-MM-DD`. */
  | "date"
  /** `DD.MM.YYYY HH:MM[:SS]` Berlin time → ISO with offset. */
  | "datetime"
  /** `1.234,56` → number. */
  | "decimal"
  /** `MM/YYYY` → `YYYY-MM`. */
  | "month"
  /** `True`/`False` as read → boolean; written as `1`/`0`. */
  | "checkbox"
  /** A select read by option text. */
  | "select"
  /** A select read by option `value`, an integer id. Its option text is kept too. */
  | "select_id"
  /** A select read by option `value`, kept as a string code (`Terminart`: `"0"`). */
  | "select_value";

export interface LabelRule {
  /** Mirror field path: a top-level order field, `vehicle.<name>` or `details.<name>`. */
  field: string;
  labels: string[];
  kind: ValueKind;
  /** Write body path (`person`, `vehicle_details.vin`), when the field is writable. */
  write?: string;
}

export const DEFAULT_LABEL_RULES: readonly LabelRule[] = [
  // Observed labels.
  { field: "plate", labels: ["Kennzeichen"], kind: "text", write: "vehicle_details.number_plate" },
  { field: "person", labels: ["Fahrername", "Halter"], kind: "text", write: "person" },
  { field: "phone", labels: ["Telefon", "Telefonnummer"], kind: "text", write: "phone" },
  { field: "email", labels: ["Kunden E-Mail", "E-Mail"], kind: "text", write: "email" },
  { field: "damage", labels: ["Kategorie", "Damage"], kind: "select", write: "damage" },
  { field: "project_status", labels: ["Projekt-Status"], kind: "select" },
  { field: "shop_date", labels: ["Werkstattstart"], kind: "date", write: "shop_date" },
  {
    field: "repair_date",
    labels: ["Fahrzeugeingang (Soll)", "Fahrzeugeingang (Ist)"],
    kind: "date",
    write: "repair_date",
  },
  { field: "finish_date", labels: ["Termin Fertigstellung"], kind: "date" },
  { field: "planned_delivery_date", labels: ["Plan Auslieferung"], kind: "date" },
  { field: "parts_status", labels: ["E-Teile Status"], kind: "select" },
  { field: "est_hours_karo", labels: ["Sollstunden Karo"], kind: "decimal", write: "est_hours_karo" },
  { field: "est_hours_lack", labels: ["Sollstunden Lack"], kind: "decimal", write: "est_hours_lack" },
  { field: "est_hours_mech", labels: ["Sollstunden Mech"], kind: "decimal" },
  { field: "vehicle.vin", labels: ["VIN"], kind: "text", write: "vehicle_details.vin" },
  { field: "vehicle.kba", labels: ["KBA"], kind: "text", write: "vehicle_details.kba" },
  { field: "vehicle.color_code", labels: ["Farbe Nummer"], kind: "text" },
  { field: "vehicle.color_name", labels: ["Farbton"], kind: "text" },
  { field: "vehicle.km_stand", labels: ["Kilometerstand"], kind: "decimal", write: "vehicle_details.km_stand" },
  { field: "vehicle.model", labels: ["Fahrzeug"], kind: "text" },
  { field: "vehicle.class", labels: ["Klasse"], kind: "text" },
  { field: "vehicle.leasing", labels: ["Leasing/Flotte"], kind: "select" },

  // Assumed labels for fields that only the write body names.
  { field: "customer_category", labels: ["Kundenkategorie"], kind: "select_id", write: "customer_category" },
  // `Hersteller` and `Modell` also give `vehicle.make` and `vehicle.model` from the option text.
  { field: "vehicle.make_id", labels: ["Hersteller"], kind: "select_id", write: "vehicle_details.makeID" },
  { field: "vehicle.model_id", labels: ["Modell"], kind: "select_id", write: "vehicle_details.modelID" },
  {
    field: "vehicle.first_registration",
    labels: ["Erstzulassung"],
    kind: "date",
    write: "vehicle_details.first_registration",
  },
  {
    field: "vehicle.last_registration",
    labels: ["Letzte Zulassung"],
    kind: "date",
    write: "vehicle_details.last_registration",
  },
  { field: "vehicle.hu_au", labels: ["HU/AU"], kind: "month", write: "vehicle_details.hu_au" },
  { field: "vehicle.engine", labels: ["Motor"], kind: "text", write: "vehicle_details.engine" },
  { field: "vehicle.engine_size", labels: ["Hubraum"], kind: "text", write: "vehicle_details.engine_size" },
  { field: "vehicle.engine_power", labels: ["Leistung"], kind: "text", write: "vehicle_details.engine_power" },
  { field: "vehicle.engine_code", labels: ["Motorcode"], kind: "text", write: "vehicle_details.engine_code" },
  { field: "vehicle.curb_weight", labels: ["Leergewicht"], kind: "text", write: "vehicle_details.curb_weight" },
  {
    field: "vehicle.gross_weight",
    labels: ["Zul. Gesamtgewicht"],
    kind: "text",
    write: "vehicle_details.gross_weight",
  },
  { field: "details.appointment_date", labels: ["Termin angelegt"], kind: "datetime", write: "appointment_date" },
  {
    field: "details.repair_date_time_from",
    labels: ["Reparatur von"],
    kind: "datetime",
    write: "repair_date_time_from",
  },
  { field: "details.repair_date_time_to", labels: ["Reparatur bis"], kind: "datetime", write: "repair_date_time_to" },
  { field: "details.return_date_time", labels: ["Rückgabe"], kind: "datetime", write: "return_date_time" },
  {
    field: "details.parts_delivery_date",
    labels: ["E-Teile Liefertermin"],
    kind: "date",
    write: "parts_delivery_date",
  },
  { field: "details.paint_date", labels: ["Lacktermin"], kind: "date", write: "paint_date" },
  { field: "details.shop_back_date", labels: ["Zurück in Werkstatt"], kind: "date", write: "shop_back_date" },
  { field: "details.estimate_date", labels: ["KVA Datum"], kind: "date", write: "estimate_date" },
  { field: "details.service_advisor", labels: ["Serviceberater"], kind: "text", write: "service_advisor" },
  {
    field: "details.workshop_distribution",
    labels: ["Werkstattverteilung"],
    kind: "text",
    write: "workshop_distribution",
  },
  {
    field: "details.external_calculation",
    labels: ["Externe Kalkulation"],
    kind: "text",
    write: "external_calculation",
  },
  { field: "details.express_link", labels: ["Express-Link"], kind: "text", write: "express_link" },
  { field: "details.insurance_adjuster", labels: ["Schadenregulierer"], kind: "text", write: "insurance_adjuster" },
  { field: "details.pickup_location", labels: ["Abholort"], kind: "text", write: "pickup_location" },
  { field: "details.pickup_company", labels: ["Abholfirma"], kind: "text", write: "pickup_company" },
  { field: "details.distance", labels: ["Entfernung"], kind: "text", write: "distance" },
  { field: "details.remarks", labels: ["Bemerkungen"], kind: "text", write: "remarks" },
  {
    field: "details.damage_description",
    labels: ["Schadenbeschreibung"],
    kind: "text",
    write: "damage_description",
  },
  { field: "details.parts_needed", labels: ["Benötigte Teile"], kind: "text", write: "parts_needed" },
  { field: "details.address_notes", labels: ["Adresshinweise"], kind: "text", write: "address_notes" },
  { field: "details.pickup_service", labels: ["Hol- und Bringservice"], kind: "select", write: "pickup_service" },
  { field: "details.type_of_date", labels: ["Terminart"], kind: "select_value", write: "type_of_date" },
  { field: "details.rental_car_type", labels: ["Mietwagen Typ"], kind: "select", write: "rental_car_type" },
  { field: "details.rental_car_motor", labels: ["Mietwagen Motor"], kind: "select", write: "rental_car_motor" },
  {
    field: "details.rental_car_transmission",
    labels: ["Mietwagen Getriebe"],
    kind: "select",
    write: "rental_car_transmission",
  },
  { field: "details.rental_car_navi", labels: ["Mietwagen Navi"], kind: "checkbox", write: "rental_car_navi" },
  {
    field: "details.rental_car_bluetooth",
    labels: ["Mietwagen Bluetooth"],
    kind: "checkbox",
    write: "rental_car_bluetooth",
  },
  {
    field: "details.rental_car_hitch",
    labels: ["Mietwagen Anhängerkupplung"],
    kind: "checkbox",
    write: "rental_car_hitch",
  },
  { field: "details.rental_car_isofix", labels: ["Mietwagen Isofix"], kind: "checkbox", write: "rental_car_isofix" },
  {
    field: "details.external_calculation_done",
    labels: ["Externe Kalkulation erledigt"],
    kind: "checkbox",
    write: "external_calculation_done",
  },
  { field: "details.activate_invoice", labels: ["Faktura aktivieren"], kind: "checkbox", write: "activate_invoice" },
  { field: "details.deductible", labels: ["Selbstbeteiligung"], kind: "decimal", write: "deductible" },
  {
    field: "details.rental_car_deductible",
    labels: ["Mietwagen Selbstbeteiligung"],
    kind: "decimal",
    write: "rental_car_deductible",
  },
];

/** Labels that the simulator renders but no mirror field reads; kept in `fields` only. */
export const FIELDS_ONLY_LABELS = ["Schadenart"] as const;
