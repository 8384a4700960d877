package cn.qiying.handoff.appeal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.qiying.handoff.ticket.Enterprise;
import cn.qiying.handoff.ticket.Kind;

/** The rules an appeal's fields must meet, shared by the WeChat intake and the 12345 import; each problem in Chinese. */
public final class AppealValidation {

    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    private static final int MAX_DESCRIPTION = 2000;

    private AppealValidation() {
    }

    public static Kind kind(String kind) {
        try {
            return Kind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new AppealRejected(e.getMessage());
        }
    }

    /** The enterprise with its code upper-cased; throws listing every problem. */
    public static Enterprise enterprise(String name, String uscc, String contact, String phone, String description,
                                        List<String> attachments) {
        List<String> problems = new ArrayList<>();
        String code = uscc == null ? null : uscc.trim().toUpperCase(Locale.ROOT);
        if (blank(name)) {
            problems.add("请填写企业名称");
        } else if (name.length() > 100) {
            problems.add("企业名称过长");
        }
        if (blank(code)) {
            problems.add("请填写统一社会信用代码");
        } else if (!CreditCode.valid(code)) {
            problems.add("统一社会信用代码「" + code + "」无效（应为 18 位且校验位正确）");
        }
        if (blank(contact)) {
            problems.add("请填写联系人");
        }
        String tel = phone == null ? null : phone.replace(" ", "").trim();
        if (blank(tel)) {
            problems.add("请填写联系电话");
        } else if (!PHONE.matcher(tel).matches()) {
            problems.add("联系电话格式不正确");
        }
        if (blank(description)) {
            problems.add("请描述您的诉求");
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.add("诉求描述不能超过 " + MAX_DESCRIPTION + " 字");
        }
        if (attachments != null && attachments.size() > 9) {
            problems.add("附件最多 9 个");
        }
        if (!problems.isEmpty()) {
            throw new AppealRejected(String.join("；", problems));
        }
        return new Enterprise(name.trim(), code, contact.trim(), tel);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
