package cn.qiying.handoff.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.qiying.handoff.calendar.WorkingCalendar;

@Configuration
@EnableConfigurationProperties(SlaProperties.class)
class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar(SlaProperties properties) {
        return WorkingCalendar.load(properties.calendar());
    }

    @Bean
    DeadlinePolicy deadlinePolicy(WorkingCalendar calendar, SlaProperties properties) {
        return new DeadlinePolicy(calendar, SlaPreset.named(properties.preset()), properties.closingTime(), properties.afterHoursNextDay());
    }
}
