package cn.qiying.policy.library;

import java.util.List;

/**
 * Who a policy is for (CONTRACT.md): every tag of {@code allTags}, at least one of {@code anyTags}, and the district,
 * industry section and scale among those listed. An empty list does not narrow.
 *
 * @param industries section codes A–T
 * @param scales     scale codes (large, medium, small, micro)
 */
public record Conditions(List<String> allTags, List<String> anyTags, List<String> districts, List<String> industries,
                         List<String> scales) {

    public static final Conditions NONE = new Conditions(null, null, null, null, null);

    public Conditions {
        allTags = clean(allTags);
        anyTags = clean(anyTags);
        districts = clean(districts);
        industries = clean(industries);
        scales = clean(scales);
    }

    public boolean narrows() {
        return !allTags.isEmpty() || !anyTags.isEmpty() || !districts.isEmpty() || !industries.isEmpty() || !scales.isEmpty();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }
}
