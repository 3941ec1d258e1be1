package jp.madoguchi.moving.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.domain.CodeList;
import jp.madoguchi.moving.domain.CodeMasters;
import jp.madoguchi.moving.domain.StandardCode;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 続柄, 異動事由 and 届出の種類 masters (docs/design/http-api.md): read by staff who fill in or
 * accept notifications, changed by MASTER_ADMIN only.
 */
@RestController
@RequestMapping("/api/v1/masters/{list:relationships|move-reasons|notification-kinds}")
class CodeMasterApiController {

	static final String CAN_READ = "hasAnyAuthority('NOTIFICATION_EDIT', 'NOTIFICATION_ACCEPT', 'RECEPTION', 'MASTER_ADMIN')";

	private final CodeMasters codes;

	CodeMasterApiController(CodeMasters codes) {
		this.codes = codes;
	}

	@GetMapping
	@PreAuthorize(CAN_READ)
	List<CodeResponse> all(@PathVariable String list) {
		return codes.all(list(list)).stream().map(CodeResponse::of).toList();
	}

	@PostMapping
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	ResponseEntity<CodeResponse> add(@PathVariable String list, @Valid @RequestBody NewCode body) {
		StandardCode added = codes.add(list(list), body.code(), body.label(), body.source(), body.validFrom(),
				body.type(), body.variant());
		return ResponseEntity.created(URI.create("/api/v1/masters/" + list + "/" + added.code()))
			.body(CodeResponse.of(added));
	}

	/** A new code, label and (when given) source for a code, in place. */
	@PutMapping("/{code}")
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	CodeResponse change(@PathVariable String list, @PathVariable String code, @Valid @RequestBody ChangedCode body) {
		return CodeResponse.of(codes.change(list(list), code, body.code(), body.label(), body.source()));
	}

	@PostMapping("/{code}/retirement")
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	ResponseEntity<Void> retire(@PathVariable String list, @PathVariable String code,
			@Valid @RequestBody Retirement body) {
		codes.retire(list(list), code, body.validTo());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{code}")
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	ResponseEntity<Void> delete(@PathVariable String list, @PathVariable String code) {
		codes.delete(list(list), code);
		return ResponseEntity.noContent().build();
	}

	static CodeList list(String path) {
		return switch (path) {
			case "relationships" -> CodeList.RELATIONSHIPS;
			case "move-reasons" -> CodeList.MOVE_REASONS;
			case "notification-kinds" -> CodeList.NOTIFICATION_KINDS;
			default -> throw ProblemException.notFound("CODE_LIST_NOT_FOUND", path);
		};
	}

	/** A code as the API shows it; type and variant for a 異動事由 and a 届出の種類. */
	record CodeResponse(String code, String label, String source, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, @Nullable NotificationType type, @Nullable Variant variant) {

		static CodeResponse of(StandardCode code) {
			return new CodeResponse(code.code(), code.label(), code.source(), code.validFrom(), code.validTo(),
					code.type(), code.variant());
		}

	}

	record NewCode(@NotBlank @Size(max = 10) String code, @NotBlank @Size(max = 50) String label,
			@Size(max = 200) @Nullable String source, @Nullable LocalDate validFrom, @Nullable NotificationType type,
			@Nullable Variant variant) {
	}

	record ChangedCode(@NotBlank @Size(max = 10) String code, @NotBlank @Size(max = 50) String label,
			@Size(max = 200) @Nullable String source) {
	}

	record Retirement(@NotNull LocalDate validTo) {
	}

}
