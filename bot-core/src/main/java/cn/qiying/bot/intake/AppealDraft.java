package cn.qiying.bot.intake;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An appeal being collected in conversation. Immutable: every change gives a new draft.
 *
 * @param skipped optional slots the user chose to leave empty
 * @param cardCode the service card the user came through, if any; it pre-fills department and district
 */
public record AppealDraft(AppealKind kind, String description, String enterpriseName, String creditCode, String contact,
                          String phone, String district, List<String> photos, Set<Slot> skipped, String cardCode,
                          String department, String category) {

    public AppealDraft {
        photos = photos == null ? List.of() : List.copyOf(photos);
        skipped = skipped == null || skipped.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skipped));
    }

    public static AppealDraft empty() {
        return new AppealDraft(null, null, null, null, null, null, null, List.of(), Set.of(), null, null, null);
    }

    public String value(Slot slot) {
        return switch (slot) {
            case KIND -> kind == null ? null : kind.code();
            case DESCRIPTION -> description;
            case ENTERPRISE -> enterpriseName;
            case CREDIT_CODE -> creditCode;
            case CONTACT -> contact;
            case PHONE -> phone;
            case DISTRICT -> district;
            case PHOTOS -> photos.isEmpty() ? null : String.valueOf(photos.size());
        };
    }

    public AppealDraft with(Slot slot, String value) {
        Set<Slot> unskipped = EnumSet.noneOf(Slot.class);
        unskipped.addAll(skipped);
        unskipped.remove(slot);
        return switch (slot) {
            case KIND -> new AppealDraft(AppealKind.ofCode(value).orElse(kind), description, enterpriseName, creditCode,
                    contact, phone, district, photos, unskipped, cardCode, department, category);
            case DESCRIPTION -> new AppealDraft(kind, value, enterpriseName, creditCode, contact, phone, district, photos,
                    unskipped, cardCode, department, category);
            case ENTERPRISE -> new AppealDraft(kind, description, value, creditCode, contact, phone, district, photos,
                    unskipped, cardCode, department, category);
            case CREDIT_CODE -> new AppealDraft(kind, description, enterpriseName, value, contact, phone, district, photos,
                    unskipped, cardCode, department, category);
            case CONTACT -> new AppealDraft(kind, description, enterpriseName, creditCode, value, phone, district, photos,
                    unskipped, cardCode, department, category);
            case PHONE -> new AppealDraft(kind, description, enterpriseName, creditCode, contact, value, district, photos,
                    unskipped, cardCode, department, category);
            case DISTRICT -> new AppealDraft(kind, description, enterpriseName, creditCode, contact, phone, value, photos,
                    unskipped, cardCode, department, category);
            case PHOTOS -> this;
        };
    }

    public AppealDraft withPhoto(String reference) {
        List<String> more = new ArrayList<>(photos);
        more.add(reference);
        Set<Slot> unskipped = EnumSet.noneOf(Slot.class);
        unskipped.addAll(skipped);
        unskipped.remove(Slot.PHOTOS);
        return new AppealDraft(kind, description, enterpriseName, creditCode, contact, phone, district, more, unskipped,
                cardCode, department, category);
    }

    public AppealDraft skip(Slot slot) {
        Set<Slot> more = EnumSet.noneOf(Slot.class);
        more.addAll(skipped);
        more.add(slot);
        return new AppealDraft(kind, description, enterpriseName, creditCode, contact, phone, district, photos, more,
                cardCode, department, category);
    }

    public AppealDraft fromCard(String code, String cardDepartment, String cardDistrict) {
        return new AppealDraft(kind, description, enterpriseName, creditCode, contact, phone,
                district == null ? cardDistrict : district, photos, skipped, code, cardDepartment, category);
    }

    public boolean isFilled(Slot slot) {
        return value(slot) != null || skipped.contains(slot);
    }

    /** The next slot to ask for, or null when the draft is ready to confirm. */
    public Slot nextMissing() {
        for (Slot slot : Slot.values()) {
            if (!isFilled(slot)) {
                return slot;
            }
        }
        return null;
    }
}
