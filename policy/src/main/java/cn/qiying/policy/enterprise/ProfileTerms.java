package cn.qiying.policy.enterprise;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import cn.qiying.policy.DataFile;
import cn.qiying.policy.Wording;

/**
 * The closed vocabularies of a profile and of a policy's conditions: industry sections (the national industry classification, sections A–T, data in
 * {@code policy/industries.yml}) and scales. Each is accepted by its code or its Chinese name, and stored by code.
 */
@Component
public class ProfileTerms {

    private final Map<String, String> industries;
    private final Map<String, String> industryCodes;
    private final Map<String, Scale> scales = new LinkedHashMap<>();
    private final Wording wording;

    ProfileTerms(ResourceLoader loader, Wording wording) {
        this.wording = wording;
        Map<String, String> byCode = new LinkedHashMap<>();
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map<String, Object> section : DataFile.list(DataFile.read(loader, "classpath:policy/industries.yml"), "sections")) {
            String code = String.valueOf(section.get("code")).strip().toUpperCase(Locale.ROOT);
            String name = String.valueOf(section.get("name")).strip();
            byCode.put(code, name);
            byName.put(name, code);
        }
        this.industries = Collections.unmodifiableMap(byCode);
        this.industryCodes = Collections.unmodifiableMap(byName);
        for (Scale scale : Scale.values()) {
            scales.put(scale.json(), scale);
            scales.put(wording.text(scale.labelKey()), scale);
        }
    }

    /** The section code of "C", "c" or its Chinese name; empty when it is none of the sections. */
    public Optional<String> industry(String given) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String value = given.strip();
        String upper = value.toUpperCase(Locale.ROOT);
        if (industries.containsKey(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(industryCodes.get(value));
    }

    public String industryName(String code) {
        return code == null ? null : industries.getOrDefault(code, code);
    }

    /** Sections by code, in order (for forms and documentation). */
    public Map<String, String> industries() {
        return industries;
    }

    /** The scale of "small" or its Chinese label; empty when it is neither. */
    public Optional<Scale> scale(String given) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(scales.get(given.strip().toLowerCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(scales.get(given.strip())));
    }

    public String scaleLabel(Scale scale) {
        return scale == null ? null : wording.text(scale.labelKey());
    }
}
