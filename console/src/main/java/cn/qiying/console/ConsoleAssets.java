package cn.qiying.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** ECharts from its webjar, whatever version the build brought (no CDN: government intranets are often closed). */
@Controller
class ConsoleAssets {

    private final Resource echarts;

    ConsoleAssets() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/resources/webjars/echarts/*/dist/echarts.min.js");
            if (found.length == 0) {
                found = new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/webjars/echarts/*/echarts.min.js");
            }
            this.echarts = found.length == 0 ? null : found[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/console/echarts.min.js", produces = "text/javascript")
    ResponseEntity<Resource> echarts() {
        if (echarts == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS)).body(echarts);
    }
}
