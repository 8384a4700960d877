package cn.qiying.handoff.ticket;

import java.util.List;

/**
 * One field of a staff action's form, as the console draws it. Labels are bundle keys
 * ({@code ticket.field.<name>}); an option shows either a bundle key or data (a department's name).
 *
 * @param type textarea, input, select or multiselect
 */
public record FormField(String name, String labelKey, List<Object> labelArguments, String type, List<Option> options,
                        boolean required) {

    public record Option(String value, String labelKey, String label, boolean selected) {

        public static Option keyed(String value, String labelKey, boolean selected) {
            return new Option(value, labelKey, null, selected);
        }

        public static Option named(String value, String label, boolean selected) {
            return new Option(value, null, label, selected);
        }
    }

    public static String labelKey(String name) {
        return "ticket.field." + name;
    }

    /** A required text area; {@code label} is the bundle key's last part ({@code ticket.field.<label>}). */
    public static FormField text(String name, String label) {
        return new FormField(name, labelKey(label), List.of(), "textarea", List.of(), true);
    }

    public static FormField optionalText(String name, String label) {
        return new FormField(name, labelKey(label), List.of(), "textarea", List.of(), false);
    }

    public static FormField input(String name, String label, boolean required) {
        return new FormField(name, labelKey(label), List.of(), "input", List.of(), required);
    }

    public static FormField select(String name, String label, List<Option> options) {
        return new FormField(name, labelKey(label), List.of(), "select", options, true);
    }
}
