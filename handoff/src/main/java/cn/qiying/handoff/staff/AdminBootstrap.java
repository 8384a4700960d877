package cn.qiying.handoff.staff;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import cn.qiying.platform.text.Texts;

/**
 * The {@code admin} account of CONTRACT.md, created at first start with {@code qiying.admin.password}, or with a
 * random password that is logged this once. An existing admin is never changed.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final StaffUsers users;
    private final String configured;
    private final Texts texts;

    AdminBootstrap(StaffUsers users, @Value("${qiying.admin.password:}") String configured, Texts texts) {
        this.texts = texts;
        this.users = users;
        this.configured = configured;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdmin();
    }

    /** True when it created the account. */
    boolean ensureAdmin() {
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? randomPassword() : configured;
        boolean created = users.createIfAbsent("admin", texts.text("staff.role.admin"), password, Set.of(StaffRole.ADMIN), null);
        if (created && generated) {
            log.warn("created staff user 'admin' with the generated password {} (set qiying.admin.password to choose one)", password);
        } else if (created) {
            log.info("created staff user 'admin' with the password from qiying.admin.password");
        }
        return created;
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
