package cn.qiying.handoff.appeal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.qiying.handoff.ticket.Enterprise;
import cn.qiying.handoff.ticket.Kind;
import cn.qiying.platform.refusal.Outcome;
import cn.qiying.platform.refusal.Refusal;

/** The rules an appeal's fields must meet, shared by the WeChat intake, the card form and the 12345 import. */
public final class AppealValidation {

    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    public static final int MAX_NAME = 100;
    public static final int MAX_CONTACT = 40;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_ATTACHMENTS = 9;

    private AppealValidation() {
    }

    /** The form field a refusal of {@link #appeal} is about: kind, enterpriseName, uscc, contact, phone, description or attachments. */
    public static String field(Refusal refusal) {
        String key = refusal.messageKey();
        String what = key.substring(key.lastIndexOf('.') + 1);
        return what.startsWith("name") ? "enterpriseName" : what.startsWith("uscc") ? "uscc" : what.startsWith("contact") ? "contact"
                : what.startsWith("phone") ? "phone" : what.startsWith("description") ? "description"
                : what.startsWith("attachments") ? "attachments" : "kind";
    }

    /** An appeal's kind and enterprise as checked. */
    public record Checked(Kind kind, Enterprise enterprise) {
    }

    /** The kind and the enterprise with its code upper-cased, or every problem at once. */
    public static Outcome<Checked> appeal(String kind, String name, String uscc, String contact, String phone, String description,
                                          List<String> attachments) {
        List<Refusal> problems = new ArrayList<>();
        Kind found = Kind.find(kind).orElse(null);
        if (found == null) {
            problems.add(Refusal.invalid("appeal.refusal.kind"));
        }
        String code = uscc == null ? null : uscc.trim().toUpperCase(Locale.ROOT);
        if (blank(name)) {
            problems.add(Refusal.invalid("appeal.refusal.name-missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(Refusal.invalid("appeal.refusal.name-too-long", MAX_NAME));
        }
        if (blank(code)) {
            problems.add(Refusal.invalid("appeal.refusal.uscc-missing"));
        } else if (code.length() > 18 || !CreditCode.valid(code)) {
            problems.add(Refusal.invalid("appeal.refusal.uscc-invalid", code.length() > 18 ? code.substring(0, 18) + "…" : code));
        }
        if (blank(contact)) {
            problems.add(Refusal.invalid("appeal.refusal.contact-missing"));
        } else if (contact.length() > MAX_CONTACT) {
            problems.add(Refusal.invalid("appeal.refusal.contact-too-long", MAX_CONTACT));
        }
        String tel = phone == null ? null : phone.replace(" ", "").trim();
        if (blank(tel)) {
            problems.add(Refusal.invalid("appeal.refusal.phone-missing"));
        } else if (!PHONE.matcher(tel).matches()) {
            problems.add(Refusal.invalid("appeal.refusal.phone-invalid"));
        }
        if (blank(description)) {
            problems.add(Refusal.invalid("appeal.refusal.description-missing"));
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.add(Refusal.invalid("appeal.refusal.description-too-long", MAX_DESCRIPTION));
        }
        if (attachments != null && attachments.size() > MAX_ATTACHMENTS) {
            problems.add(Refusal.invalid("appeal.refusal.attachments", MAX_ATTACHMENTS));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.of(problems));
        }
        return Outcome.done(new Checked(found, new Enterprise(name.trim(), code, contact.trim(), tel)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
