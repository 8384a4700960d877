package cn.qiying.policy;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.staff.StaffUsers;

/** The staff accounts the tests call the API as (keys are wiped per class, so each class creates them). */
@Component
public class Staff {

    public static final String OPERATOR = "operator";
    public static final String HANDLER = "handler";

    private final StaffUsers users;

    Staff(StaffUsers users) {
        this.users = users;
    }

    public void create() {
        users.save(OPERATOR, OPERATOR, password(OPERATOR), Set.of(StaffRole.OPERATOR), null);
        users.save(HANDLER, HANDLER, password(HANDLER), Set.of(StaffRole.HANDLER), "scjgj");
    }

    public static String password(String user) {
        return user + "-secret";
    }

    static List<String> all() {
        return List.of(OPERATOR, HANDLER);
    }
}
