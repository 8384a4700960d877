package cn.qiying.app.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import cn.qiying.testing.RealRedis;

/** The foundation's proof that redis-om-spring documents are found by Chinese full text and by numeric range. */
@ExtendWith(RealRedis.class)
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest
class ChineseFullTextTest {

    @Autowired
    ProbeNoticeRepository notices;

    @BeforeEach
    void store() {
        notices.saveAll(List.of(
                new ProbeNotice("n1", "如何办理营业执照变更登记", 3),
                new ProbeNotice("n2", "社会保险费缴纳基数调整", 15),
                new ProbeNotice("n3", "食品经营许可证延续申请", 30)));
    }

    @Test
    void findsAWordInsideUnsegmentedChineseText() {
        assertThat(notices.searchByTitle("营业执照")).extracting(ProbeNotice::getId).containsExactly("n1");
        assertThat(notices.searchByTitle("缴纳")).extracting(ProbeNotice::getId).containsExactly("n2");
        assertThat(notices.searchByTitle("许可证")).extracting(ProbeNotice::getId).containsExactly("n3");
        assertThat(notices.searchByTitle("专利")).isEmpty();
    }

    @Test
    void findsByNumericRange() {
        assertThat(notices.findByDaysBetween(10, 30)).extracting(ProbeNotice::getId).containsExactlyInAnyOrder("n2", "n3");
    }
}
