package cn.qiying.console;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.notify.PushTexts;
import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.ticket.Complexity;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.TicketTransitions;

/**
 * The actions a user may take on a ticket now (as {@link TicketTransitions#allows} decides), each as a form that says
 * what the enterprise will be told.
 */
@Component
class ActionForms {

    record Option(String value, String label, boolean selected) {
    }

    record Field(String name, String label, String type, List<Option> options, boolean required) {

        static Field text(String name, String label) {
            return new Field(name, label, "textarea", List.of(), true);
        }
    }

    /** @param preview what the enterprise receives (null: nothing is sent at this step) */
    record ActionForm(String name, String label, List<Field> fields, String preview, String previewTemplate, boolean caution) {
    }

    private final Departments departments;
    private final PushTexts texts;

    ActionForms(Departments departments, PushTexts texts) {
        this.departments = departments;
        this.texts = texts;
    }

    List<ActionForm> forms(Actor actor, Ticket t) {
        List<ActionForm> out = new ArrayList<>();
        String suggested = t.getSuggestedDepartment();
        add(out, actor, t, new TicketAction.Triage(Complexity.GENERAL, null), "研判", List.of(
                new Field("complexity", "复杂程度", "select", complexities(t.getComplexity()), true),
                new Field("category", "类别", "input", List.of(), false)), null, false);
        add(out, actor, t, new TicketAction.Assign("x", List.of()), "交办", List.of(
                new Field("department", "牵头单位（建议：" + (suggested == null ? "无" : departments.nameOf(suggested)) + "）", "select",
                        departmentOptions(suggested == null ? t.getDepartment() : suggested, true), true),
                new Field("coDepartments", "协办单位（可多选）", "multiselect", departmentOptions(null, false), false)),
                suggested, false);
        add(out, actor, t, new TicketAction.Accept(), "签收", List.of(), t.getDepartment(), false);
        add(out, actor, t, new TicketAction.Contact("x"), "联系企业", List.of(Field.text("note", "联系情况")), t.getDepartment(), false);
        add(out, actor, t, new TicketAction.Reply("x"), "阶段性答复", List.of(Field.text("text", "答复内容")), t.getDepartment(), false);
        add(out, actor, t, new TicketAction.Resolve("x"), "办结", List.of(Field.text("result", "办理结果")), t.getDepartment(), false);
        add(out, actor, t, new TicketAction.Review(true, null), "质检", List.of(
                new Field("passed", "质检结论", "select", List.of(new Option("true", "通过", true), new Option("false", "不通过，重办", false)), true),
                new Field("comment", "意见（不通过时必填）", "textarea", List.of(), false)), t.getDepartment(), false);
        add(out, actor, t, new TicketAction.Return("x"), "退回", List.of(Field.text("reason", "退回理由")), null, true);
        add(out, actor, t, new TicketAction.Supervise("x"), "督办", List.of(Field.text("reason", "督办事由")), t.getDepartment(), true);
        add(out, actor, t, new TicketAction.Reopen("x"), "重启", List.of(Field.text("reason", "重启理由")), null, true);
        add(out, actor, t, new TicketAction.Reject("x"), "不予受理", List.of(Field.text("reason", "理由")), null, true);
        add(out, actor, t, new TicketAction.Merge("x"), "合并重复诉求", List.of(
                new Field("into", "并入工单号", "input", List.of(), true)), null, true);
        add(out, actor, t, new TicketAction.Close(), "关闭", List.of(), t.getDepartment(), true);
        return out;
    }

    private void add(List<ActionForm> out, Actor actor, Ticket t, TicketAction action, String label, List<Field> fields,
                     String departmentAfter, boolean caution) {
        if (!TicketTransitions.allows(actor, t, action)) {
            return;
        }
        TicketStatus target = action.target(t);
        String preview;
        String template = null;
        if (!PushTexts.reachable(t)) {
            preview = null;
        } else if (target == null || !texts.told(target)) {
            preview = null;
        } else {
            preview = texts.status(t.getNo(), target, departmentAfter);
            if (target == TicketStatus.REVIEWED) {
                preview = preview + "\n" + texts.ratingPrompt(t.getNo());
            }
            if (action instanceof TicketAction.Assign) {
                template = texts.status(t.getNo(), target, "__DEPT__"); // the page puts the chosen department in
            }
        }
        out.add(new ActionForm(action.name(), label, fields, preview, template, caution));
    }

    private static List<Option> complexities(Complexity current) {
        List<Option> out = new ArrayList<>();
        String[] labels = {"简单", "一般", "复杂", "重大（自动督办）"};
        for (Complexity c : Complexity.values()) {
            out.add(new Option(c.json(), labels[c.ordinal()], c == (current == null ? Complexity.GENERAL : current)));
        }
        return out;
    }

    private List<Option> departmentOptions(String selected, boolean withBlank) {
        List<Option> out = new ArrayList<>();
        if (withBlank && selected == null) {
            out.add(new Option("", "请选择", true));
        }
        for (Department d : departments.all()) {
            out.add(new Option(d.id(), d.name(), d.id().equals(selected)));
        }
        return out;
    }
}
