package cn.qiying.handoff.routing;

import java.util.List;

/** A handling department (承办单位) and the districts it covers (empty: the whole city). */
public record Department(String id, String name, List<String> districts) {

    public Department {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
