package cn.qiying.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import cn.qiying.handoff.HandoffTestApplication;

/** The console over the ticket desk as the desk's own tests run it (moved clock, recording messenger). */
@SpringBootApplication
@Import(HandoffTestApplication.class)
public class ConsoleTestApplication {
}
