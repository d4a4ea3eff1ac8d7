/** HTML of the order form (`visual_forms_plain` → `center.content`). */
import type { SimContext } from "../context.ts";
import type { SimOrder } from "../model.ts";
import { escaper, type Escape } from "../render/html.ts";
import { buildFormView, selectedOption, type FieldView } from "./form-view.ts";

function renderControl(view: FieldView, esc: Escape): string {
  switch (view.control) {
    case "text":
      return `<input type="text" name="${view.name}" value="${esc(view.value, view.doubleEscape)}">`;
    case "textarea":
      return `<textarea name="${view.name}" rows="3">${esc(view.value, view.doubleEscape)}</textarea>`;
    case "checkbox":
      return `<input type="checkbox" name="${view.name}" value="1"${view.value === "1" ? " checked" : ""}>`;
    case "select": {
      const selected = selectedOption(view);
      const options = view.options
        .map((option) => `<option value="${esc(option.value)}"${option === selected && option.value === view.value ? " selected" : ""}>${esc(option.text)}</option>`)
        .join("");
      return `<select name="${view.name}">${options}</select>`;
    }
  }
}

function renderField(view: FieldView, esc: Escape): string {
  const hidden = view.hiddenBefore === null ? "" : `<input type="hidden" name="${view.name}_prev" value="${esc(view.hiddenBefore)}">`;
  return `<div class="field"><label>${esc(view.label)}</label>${hidden}${renderControl(view, esc)}</div>`;
}

export function renderForm(ctx: SimContext, order: SimOrder): string {
  const esc = escaper(ctx);
  const tableId = ctx.config.formTableId;
  const fields = buildFormView(ctx, order)
    .map((view) => renderField(view, esc))
    .join("\n");
  return (
    `<form id="vf_form_${tableId}" class="visual_form" data-table="${tableId}" data-id="${order.id}">\n` +
    `<h3 class="vf_title">Auftrag ${order.id}</h3>\n${fields}\n` +
    `<div class="vf_buttons"><button type="button" class="btn btn-primary vf_save">Speichern</button></div>\n</form>`
  );
}

/** Script text sent next to the form, as PlanSo sends its page functions. */
export function formFunctions(ctx: SimContext, orderId: string): string {
  return `vf_init_form(${ctx.config.formTableId}, ${orderId}); rsp_single_project_wrapper.bind('#vf_form_${ctx.config.formTableId}');`;
}
