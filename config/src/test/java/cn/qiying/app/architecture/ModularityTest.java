package cn.qiying.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules (DESIGN.md, README architecture): modules depend downwards only, feature packages form no cycles,
 * only the web edge speaks HTTP, and no module reaches into another's internals.
 */
class ModularityTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.qiying"); // the modules' classes, from their jars (make test) or their target folders

    /** Each module's root package and what it may not use: the modules above it. */
    static final Map<String, String[]> NOT_ABOVE = Map.of(
            "cn.qiying.platform..", new String[] {"cn.qiying.knowledge..", "cn.qiying.handoff..", "cn.qiying.bot..",
                    "cn.qiying.channels..", "cn.qiying.console..", "cn.qiying.policy..", "cn.qiying.app.."},
            "cn.qiying.knowledge..", new String[] {"cn.qiying.handoff..", "cn.qiying.bot..", "cn.qiying.channels..",
                    "cn.qiying.console..", "cn.qiying.policy..", "cn.qiying.app.."},
            "cn.qiying.handoff..", new String[] {"cn.qiying.knowledge..", "cn.qiying.bot..", "cn.qiying.channels..",
                    "cn.qiying.console..", "cn.qiying.policy..", "cn.qiying.app.."},
            "cn.qiying.bot..", new String[] {"cn.qiying.channels..", "cn.qiying.console..", "cn.qiying.app.."},
            "cn.qiying.channels..", new String[] {"cn.qiying.console..", "cn.qiying.app.."},
            "cn.qiying.policy..", new String[] {"cn.qiying.bot..", "cn.qiying.channels..", "cn.qiying.console..", "cn.qiying.app.."},
            "cn.qiying.console..", new String[] {"cn.qiying.bot..", "cn.qiying.app.."});

    @Test
    void everyModuleIsSeen() {
        for (String module : NOT_ABOVE.keySet()) {
            String root = module.substring(0, module.length() - 2);
            if (!root.equals("cn.qiying.policy")) {
                org.assertj.core.api.Assertions.assertThat(MAIN.containPackage(root)).as("classes of " + root + " imported").isTrue();
            }
        }
    }

    @Test
    void modulesDependOnlyOnTheModulesBelowThem() {
        NOT_ABOVE.forEach((module, above) -> noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat().resideInAnyPackage(above)
                .because("DESIGN.md: channels → bot-core → knowledge, both → handoff; console above them; config on top")
                .allowEmptyShould(true).check(MAIN));
    }

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching("cn.qiying.(*).(*)..").should().beFreeOfCycles()
                // bot-core's intake/state/intent/status cycles go with the dialog's rewrite into handlers (issue 16, in progress)
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("cn.qiying.bot.."),
                        DescribedPredicate.alwaysTrue())
                .check(MAIN);
    }

    /** Controllers, advice and configuration are the web edge; so is a class marked {@code @WebEdge}. */
    @Test
    void onlyTheWebEdgeSpeaksHttp() {
        DescribedPredicate<JavaClass> edge = DescribedPredicate.describe("the web edge", c ->
                c.isAnnotatedWith("org.springframework.stereotype.Controller")
                        || c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                        || c.isAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
                        || c.isAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
                        || c.isAnnotatedWith("org.springframework.context.annotation.Configuration")
                        || c.isAnnotatedWith("org.springframework.boot.autoconfigure.AutoConfiguration")
                        || c.isAnnotatedWith("cn.qiying.platform.web.WebEdge")
                        || c.getPackageName().startsWith("cn.qiying.platform.web")
                        || enclosedByEdge(c));
        ArchRule rule = noClasses().that(not(edge)).should().dependOnClassesThat(
                resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet.."))
                .because("domain code returns values and refusals; HTTP is made at the edge");
        rule.check(MAIN);
    }

    /** Storage layouts and runtimes are package-private (the compiler keeps them in); what a module shares across its own features but not with others lives in an {@code internal} package. */
    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        for (String module : NOT_ABOVE.keySet()) {
            String root = module.substring(0, module.length() - 2);
            noClasses().that().resideOutsideOfPackage(module).should().dependOnClassesThat()
                    .resideInAPackage(root + "..internal..").allowEmptyShould(true).check(MAIN);
        }
    }

    private static boolean enclosedByEdge(JavaClass c) {
        return c.getEnclosingClass().map(outer -> outer.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                || outer.isAnnotatedWith("org.springframework.stereotype.Controller")
                || outer.isAnnotatedWith("cn.qiying.platform.web.WebEdge")).orElse(false);
    }
}
