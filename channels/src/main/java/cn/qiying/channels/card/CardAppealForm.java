package cn.qiying.channels.card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.qiying.handoff.appeal.CreditCode;

/**
 * What an enterprise fills in on a card's landing page. {@link #problems()} names each field's problem so the page
 * shows it beside the field; the appeal desk checks again on submission.
 */
public record CardAppealForm(String kind, String enterpriseName, String uscc, String contact, String phone,
                             String description, String submission) {

    public static final List<String> KINDS = List.of("help", "complaint", "report", "suggestion", "enquiry");
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    private static final int MAX_DESCRIPTION = 2000;

    public static CardAppealForm empty(String submission) {
        return new CardAppealForm("help", "", "", "", "", "", submission);
    }

    /** Field name → problem, in Chinese; empty when the form can be submitted. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind == null || !KINDS.contains(kind)) {
            problems.put("kind", "请选择诉求类型");
        }
        if (blank(enterpriseName)) {
            problems.put("enterpriseName", "请填写企业名称");
        } else if (enterpriseName.length() > 100) {
            problems.put("enterpriseName", "企业名称过长");
        }
        if (blank(uscc)) {
            problems.put("uscc", "请填写统一社会信用代码");
        } else if (!CreditCode.valid(uscc.trim().toUpperCase(java.util.Locale.ROOT))) {
            problems.put("uscc", "统一社会信用代码无效（应为 18 位且校验位正确）");
        }
        if (blank(contact)) {
            problems.put("contact", "请填写联系人");
        }
        if (blank(phone)) {
            problems.put("phone", "请填写联系电话");
        } else if (!PHONE.matcher(phone.replace(" ", "").trim()).matches()) {
            problems.put("phone", "联系电话格式不正确");
        }
        if (blank(description)) {
            problems.put("description", "请描述您的诉求");
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.put("description", "诉求描述不能超过 " + MAX_DESCRIPTION + " 字");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
