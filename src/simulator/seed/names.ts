/**
 * Word lists for the seed. Names are common German first names and surnames;
 * combinations, addresses, companies and numbers are invented.
 */

export const FIRST_NAMES = [
  "Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Frank", "Peter", "Klaus", "Wolfgang",
  "Sabine", "Susanne", "Petra", "Andrea", "Claudia", "Nicole", "Stefanie", "Julia", "Anna", "Laura",
  "Lukas", "Jonas", "Leon", "Finn", "Paul", "Felix", "Max", "Tim", "Jan", "Niklas",
  "Lena", "Lea", "Sarah", "Hannah", "Marie", "Sophie", "Katharina", "Birgit", "Monika", "Karin",
  "Ahmet", "Mehmet", "Ayşe", "Fatma", "Piotr", "Agnieszka", "Dimitrios", "Elena", "Marco", "Giulia",
] as const;

/** First names with umlauts or ß. */
export const FIRST_NAMES_UMLAUT = ["Jürgen", "Jörg", "Günter", "Sören", "Björn", "Bärbel", "Dörte", "Käthe", "Jürgen", "Jörn"] as const;

export const SURNAMES = [
  "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch",
  "Bauer", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hofmann", "Hartmann",
  "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier",
  "Herrmann", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Jung",
  "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Frank", "Berger", "Winkler", "Roth", "Beck",
  "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Winter", "Kraus", "Martin",
  "Schumacher", "Vogt", "Stein", "Otto", "Sommer", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber",
  "Yılmaz", "Kaya", "Nowak", "Kowalski", "Papadopoulos", "Rossi", "Beier", "Musial", "Pohl", "Engel",
] as const;

/** Surnames with umlauts or ß. */
export const SURNAMES_UMLAUT = [
  "Müller", "Schäfer", "Schröder", "Krüger", "Köhler", "König", "Möller", "Weiß", "Jäger", "Groß",
  "Böhm", "Krämer", "Kühn", "Günther", "Löffler", "Brückner", "Gärtner", "Förster", "Hübner", "Strauß",
] as const;

export const COMPANY_PATTERNS = [
  "{name} Logistik GmbH",
  "{name} Transporte GmbH & Co. KG",
  "Autohaus {name} GmbH",
  "{name} Bau GmbH",
  "Pflegedienst {name}",
  "{name} & Söhne Haustechnik",
  "Beispiel Logistik GmbH",
  "Muster Mietwagen AG",
  "{name} Elektrotechnik e.K.",
  "Gebäudereinigung {name} GmbH",
] as const;

export const STREETS = [
  "Hauptstraße", "Bahnhofstraße", "Kölner Straße", "Düsseldorfer Straße", "Gartenstraße", "Schulstraße",
  "Am Mühlenbach", "Lindenallee", "Industriestraße", "Talstraße", "Kirchplatz", "Friedhofsweg",
] as const;

/** Postcode and town pairs in the tenant's region. */
export const TOWNS = [
  "40210 Düsseldorf", "40477 Düsseldorf", "40591 Düsseldorf", "47051 Duisburg", "50667 Köln",
  "40822 Mettmann", "41460 Neuss", "40764 Langenfeld", "42103 Wuppertal", "40878 Ratingen",
] as const;

export const REMARKS = [
  "Kunde wartet",
  "Termin telefonisch bestätigt",
  "Ersatzwagen gewünscht",
  "Kunde holt ab",
  "Schlüssel im Kasten",
  "Rückruf erbeten",
  "Gutachter kommt Mittwoch",
  "Freigabe per E-Mail erhalten",
  "Vorschaden hinten rechts",
  "Kunde möchte Fotos",
  "Bitte Fahrzeug aufbereiten",
  "Sommerreifen im Kofferraum",
] as const;

export const NOTE_SUFFIXES = ["(Frau)", "(mobil)", "(Büro)", "(Sohn)", "(ab 16 Uhr)"] as const;

export const TOWING_COMPANIES = ["Abschleppdienst Beispiel", "Muster Transfer GmbH", "Überführung Nord"] as const;

export const ADDRESS_NOTES = ["Hinterhof, 2. Einfahrt", "Bitte klingeln bei Nachbar", "Tiefgarage Ebene -1", "Firmengelände, Tor 3"] as const;

export const INSURERS = ["Beispiel Versicherung AG", "Muster Assekuranz", "Exempla Versicherung"] as const;

/** `ä` → `ae` and so on, for e-mail addresses and login names. */
export function transliterate(text: string): string {
  return text
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .replace(/ş/g, "s");
}
