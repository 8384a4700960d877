package cn.qiying.policy.binding;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.qiying.policy.Caller;
import cn.qiying.policy.PolicyProblem;
import cn.qiying.policy.Wording;
import cn.qiying.policy.enterprise.EnterpriseProfiles;

/**
 * Staff's side of binding (beyond the contract): the users bound to an enterprise and those waiting,
 * {@code POST /api/enterprises/{uscc}/bindings {"userKey"}} to bind one, {@code DELETE …/bindings/{userKey}} to unbind.
 */
@RestController
class BindingController {

    private final EnterpriseProfiles profiles;
    private final Bindings bindings;
    private final StaffBinding staff;
    private final Wording wording;

    BindingController(EnterpriseProfiles profiles, Bindings bindings, StaffBinding staff, Wording wording) {
        this.profiles = profiles;
        this.bindings = bindings;
        this.staff = staff;
        this.wording = wording;
    }

    @GetMapping("/api/enterprises/{uscc}/bindings")
    Map<String, Object> list(@PathVariable String uscc) {
        String code = known(uscc);
        return Map.of("bound", bindings.bindingsOf(code), "waiting", staff.waiting(code));
    }

    @PostMapping("/api/enterprises/{uscc}/bindings")
    List<Binding> bind(@PathVariable String uscc, @RequestBody Map<String, Object> body) {
        String code = known(uscc);
        String userKey = UserKey.parse(String.valueOf(body.get("userKey"))).map(UserKey::toString)
                .orElseThrow(() -> PolicyProblem.of(HttpStatus.BAD_REQUEST, wording.text("policy.binding.user-key-invalid")));
        if (!staff.bind(userKey, code, Caller.name())) {
            throw PolicyProblem.of(HttpStatus.CONFLICT, wording.text("policy.binding.enterprise-full"));
        }
        return bindings.bindingsOf(code);
    }

    @DeleteMapping("/api/enterprises/{uscc}/bindings/{userKey}")
    List<Binding> unbind(@PathVariable String uscc, @PathVariable String userKey) {
        String code = known(uscc);
        boolean ours = bindings.of(userKey).map(b -> code.equals(b.uscc())).orElse(false);
        if (!ours && !staff.drop(userKey, code)) {
            throw PolicyProblem.of(HttpStatus.NOT_FOUND, wording.text("policy.binding.not-bound"));
        }
        if (ours) {
            bindings.unbind(userKey);
        }
        return bindings.bindingsOf(code);
    }

    private String known(String uscc) {
        return profiles.find(uscc).orElseThrow(() -> PolicyProblem.of(HttpStatus.NOT_FOUND, wording.text("policy.enterprise.not-found"))).uscc();
    }
}
