package cn.qiying.policy.enterprise;

/** A contact person on file; the phone is where one-time binding codes go. */
public record Contact(String name, String phone) {

    public Contact {
        name = name == null || name.isBlank() ? null : name.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }

    /** Whether a text message can reach this contact (a mobile number). */
    public boolean mobile() {
        return Phones.mobile(phone);
    }
}
