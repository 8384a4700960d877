package cn.qiying.channels.media;

import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffPrincipal;
import cn.qiying.handoff.ticket.TicketNumber;
import cn.qiying.handoff.ticket.Tickets;

/**
 * Staff: a picture or recording a user sent on WeChat, e.g. attached to an appeal. The centre and supervisors see any
 * user's media (they hold the conversations); a department handler sees a ticket's attachments only, named with
 * {@code ?ticket=} and only for a ticket of its department. Anything else is "not found", as tickets are.
 */
@RestController
class MediaController {

    private static final Set<String> SEE_ALL = Set.of("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_SUPERVISOR");

    private final MediaStore media;
    private final Tickets tickets;

    MediaController(MediaStore media, Tickets tickets) {
        this.media = media;
        this.tickets = tickets;
    }

    @GetMapping("/api/media/{channel}/{mediaId}")
    ResponseEntity<byte[]> one(@PathVariable String channel, @PathVariable String mediaId,
                               @RequestParam(required = false) String ticket) {
        if (!visible(channel, mediaId, ticket)) {
            throw notFound();
        }
        MediaStore.Media found = media.find(channel, mediaId).orElseThrow(MediaController::notFound);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(found.contentType())).body(found.bytes());
    }

    private boolean visible(String channel, String mediaId, String ticketNo) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        if (auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(SEE_ALL::contains)) {
            return true;
        }
        if (!(auth.getPrincipal() instanceof StaffPrincipal staff) || ticketNo == null) {
            return false;
        }
        Actor handler = staff.actor();
        return TicketNumber.parse(ticketNo).flatMap(n -> tickets.find(n.value()))
                .filter(t -> !handler.roles().isEmpty() && Tickets.visible(handler, t))
                .filter(t -> t.getSource() != null && channel.equals(t.getSource().channel()))
                .filter(t -> t.getAttachments().contains(mediaId))
                .isPresent();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such media");
    }
}
