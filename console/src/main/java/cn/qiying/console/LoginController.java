package cn.qiying.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security's form login handles the POST, {@code /logout} ends the session. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/tickets";
    }
}
