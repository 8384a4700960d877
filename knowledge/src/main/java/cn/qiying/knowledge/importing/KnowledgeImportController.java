package cn.qiying.knowledge.importing;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.qiying.knowledge.system.KnowledgeProblem;
import cn.qiying.knowledge.system.Staff;

/**
 * Staff: {@code POST /api/knowledge/import} takes the file as the request body (JSON array, JSON Lines, CSV or xlsx,
 * told by Content-Type, {@code ?format=} or the content) or as a multipart {@code file}. With {@code ?async=true} it
 * answers 202 at once and {@code GET /api/knowledge/imports/{id}} shows the progress.
 */
@RestController
class KnowledgeImportController {

    private final KnowledgeImport imports;
    private final KnowledgeExport export;
    private final MessageSource messages;

    KnowledgeImportController(KnowledgeImport imports, KnowledgeExport export, MessageSource messages) {
        this.imports = imports;
        this.export = export;
        this.messages = messages;
    }

    /** An empty file with the Chinese headers, to fill in and import. */
    @GetMapping("/api/knowledge/template.{format}")
    ResponseEntity<byte[]> template(@PathVariable String format) {
        return file("knowledge-template", format, true);
    }

    /** The whole base in the import's format: what is exported imports back unchanged. */
    @GetMapping("/api/knowledge/export.{format}")
    ResponseEntity<byte[]> export(@PathVariable String format) {
        return file("knowledge", format, false);
    }

    private ResponseEntity<byte[]> file(String name, String format, boolean template) {
        boolean xlsx = switch (format) {
            case "csv" -> false;
            case "xlsx" -> true;
            default -> throw new KnowledgeProblem(HttpStatus.NOT_FOUND, messages, "knowledge.export.format-unknown",
                    List.of());
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format + "\"")
                .contentType(xlsx ? MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(xlsx ? export.xlsx(template) : export.csv(template));
    }

    @PostMapping(path = "/api/knowledge/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) ImportFormat format, @RequestParam(defaultValue = "false") boolean async,
            Principal staff) throws IOException {
        byte[] bytes = file.getBytes();
        return run(bytes, format != null ? format
                : ImportFormat.detect(file.getOriginalFilename(), file.getContentType(), bytes), async, staff);
    }

    @PostMapping(path = "/api/knowledge/import", consumes = "!" + MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> body(@RequestBody(required = false) byte[] bytes,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestParam(required = false) ImportFormat format, @RequestParam(defaultValue = "false") boolean async,
            Principal staff) {
        byte[] content = bytes == null ? new byte[0] : bytes;
        return run(content, format != null ? format : ImportFormat.detect(null, contentType, content), async, staff);
    }

    @GetMapping("/api/knowledge/imports/{id}")
    ImportReport progress(@PathVariable String id) {
        return imports.progress(id).orElseThrow(
                () -> new KnowledgeProblem(HttpStatus.NOT_FOUND, messages, "knowledge.import.not-found", List.of()));
    }

    private ResponseEntity<ImportReport> run(byte[] bytes, ImportFormat format, boolean async, Principal staff) {
        if (bytes.length == 0) {
            throw new KnowledgeProblem(HttpStatus.BAD_REQUEST, messages, "knowledge.import.empty", List.of());
        }
        if (async) {
            ImportReport started = imports.start(bytes, format, Staff.name(staff));
            return ResponseEntity.accepted().location(URI.create("/api/knowledge/imports/" + started.importId()))
                    .body(started);
        }
        return ResponseEntity.ok(imports.run(bytes, format, Staff.name(staff)));
    }
}
