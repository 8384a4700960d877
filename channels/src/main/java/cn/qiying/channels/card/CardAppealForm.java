package cn.qiying.channels.card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qiying.handoff.appeal.AppealValidation;
import cn.qiying.platform.refusal.Refusal;
import cn.qiying.platform.text.Texts;

/**
 * What an enterprise fills in on a card's landing page. {@link #problems} names each field's problem (the appeal
 * desk's own rules, so the page and the desk never disagree) for the page to show beside the field.
 */
public record CardAppealForm(String kind, String enterpriseName, String uscc, String contact, String phone,
                             String description, String submission) {

    public static final List<String> KINDS = List.of("help", "complaint", "report", "suggestion", "enquiry");

    public static CardAppealForm empty(String submission) {
        return new CardAppealForm("help", "", "", "", "", "", submission);
    }

    /** Field name → problem, in the bundle's words; empty when the form can be submitted. */
    public Map<String, String> problems(Texts texts) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind == null || !KINDS.contains(kind)) {
            problems.put("kind", texts.text("channels.form.kind"));
        }
        Refusal refused = AppealValidation.appeal(kind, enterpriseName, uscc, contact, phone, description, List.of()).refusal();
        List<Refusal> each = refused instanceof Refusal.Several several ? several.each() : refused == null ? List.of() : List.of(refused);
        for (Refusal r : each) {
            problems.putIfAbsent(AppealValidation.field(r), texts.text(r));
        }
        return problems;
    }
}
