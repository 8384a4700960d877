package cn.qiying.policy.enterprise;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.qiying.handoff.appeal.CreditCode;
import cn.qiying.handoff.ticket.Ticket;
import cn.qiying.handoff.ticket.TicketEvent;
import cn.qiying.handoff.ticket.TicketEventHandler;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.platform.privacy.PersonalData;

/**
 * Links each new appeal to its enterprise's profile by credit code (consumer group {@code enterprise-profiles} of the
 * ticket events): an enterprise without a profile gets one filled in from the appeal (name, contact, district), and
 * the appeal's description may suggest tags for staff to confirm. Idempotent: a profile is only created when absent,
 * and a suggestion only added once.
 */
@Component
class ProfilesFromAppeals implements TicketEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ProfilesFromAppeals.class);

    private final Tickets tickets;
    private final EnterpriseProfiles profiles;
    private final SuggestedTags suggested;

    ProfilesFromAppeals(Tickets tickets, EnterpriseProfiles profiles, SuggestedTags suggested) {
        this.tickets = tickets;
        this.profiles = profiles;
        this.suggested = suggested;
    }

    @Override
    public String group() {
        return "enterprise-profiles";
    }

    @Override
    public Handled handle(TicketEvent event) {
        if (event.from() != null) {
            return Handled.finished(); // only a new appeal says something new about its enterprise
        }
        Ticket ticket = tickets.find(event.no()).orElse(null);
        if (ticket == null || ticket.getEnterprise() == null || !CreditCode.valid(ticket.getEnterprise().uscc())) {
            return Handled.finished();
        }
        var given = ticket.getEnterprise();
        if (given.name() != null && !given.name().isBlank()) {
            Contact contact = new Contact(given.contact(), given.phone());
            boolean created = profiles.createIfAbsent(new Enterprise(given.uscc(), given.name().strip(), ticket.getDistrict(),
                    null, null, null, contact.name() == null && contact.phone() == null ? List.of() : List.of(contact),
                    Set.of(), Set.of(), Set.of(), Enterprise.FROM_APPEAL, null));
            if (created) {
                log.info("profile of {} filled in from appeal {}", PersonalData.maskText(given.uscc()), ticket.getNo());
            }
        }
        profiles.find(given.uscc()).ifPresent(profile ->
                suggested.noteAppeal(profile, ticket.getNo(), ticket.getDescription(), event.at()));
        return Handled.finished();
    }
}
