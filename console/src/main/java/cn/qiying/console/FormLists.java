package cn.qiying.console;

import java.util.Arrays;
import java.util.List;

/** A list typed into one form field, separated by commas, 、 or spaces as people write them. */
public final class FormLists {

    private FormLists() {
    }

    public static List<String> split(String text) {
        return Arrays.stream(text.split("[,，、\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
