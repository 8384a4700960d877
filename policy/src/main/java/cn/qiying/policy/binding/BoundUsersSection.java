package cn.qiying.policy.binding;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.qiying.policy.enterprise.ProfileSection;

/** The profile's WeChat users: who is bound and how, and who waits for a staff confirmation. */
@Component
class BoundUsersSection implements ProfileSection {

    private final Bindings bindings;
    private final StaffBinding staff;

    BoundUsersSection(Bindings bindings, StaffBinding staff) {
        this.bindings = bindings;
        this.staff = staff;
    }

    @Override
    public String name() {
        return "wechatUsers";
    }

    @Override
    public Object of(String uscc) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("bound", bindings.bindingsOf(uscc));
        section.put("waiting", staff.waiting(uscc));
        return section;
    }
}
