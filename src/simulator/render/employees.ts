/** Employee options of the single-order view (`resourceplanner_shop_view_single` → `center.content`). */
import type { SimContext } from "../context.ts";
import type { SimOrder } from "../model.ts";
import { escaper } from "./html.ts";

export function renderEmployeeOptions(ctx: SimContext, order: SimOrder): string {
  const esc = escaper(ctx);
  const options = ctx.tenant.employees
    .map(
      (employee) =>
        `<div class="rspSv_todo_list_employee"><input type="checkbox" class="rspSv_todo_list_employee_option" value="${employee.id}"` +
        `${employee.id === order.employeeId ? " checked" : ""}><label><small> ${esc(employee.name)}</small></label></div>`,
    )
    .join("");
  return (
    `<div class="rspSv_single" data-id="${order.id}"><div class="rspSv_header">${esc(order.shortName)}</div>` +
    `<div class="rspSv_todo_list_employees">${options}</div></div>`
  );
}

export function singleViewFunctions(order: SimOrder): string {
  return `rspSv_init(${order.id}); rspSv_todo_list_bind();`;
}
