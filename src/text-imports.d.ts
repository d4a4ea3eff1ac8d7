// Files imported `with { type: "text" }` (SQL migrations, the docs page script).
declare module "*.sql" {
  const text: string;
  export default text;
}

declare module "*/standalone.js" {
  const text: string;
  export default text;
}
