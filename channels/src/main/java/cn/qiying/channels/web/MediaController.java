package cn.qiying.channels.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.qiying.channels.media.MediaStore;

/** Staff: a picture or recording a user sent on WeChat, e.g. attached to an appeal. */
@RestController
class MediaController {

    private final MediaStore media;

    MediaController(MediaStore media) {
        this.media = media;
    }

    @GetMapping("/api/media/{channel}/{mediaId}")
    ResponseEntity<byte[]> one(@PathVariable String channel, @PathVariable String mediaId) {
        MediaStore.Media found = media.find(channel, mediaId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such media"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(found.contentType())).body(found.bytes());
    }
}
