package jp.madoguchi.reception.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.madoguchi.reception.domain.Department;
import jp.madoguchi.reception.domain.DisplayTokens;
import jp.madoguchi.reception.domain.Queue;
import jp.madoguchi.reception.domain.QueueAdministration;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Queue, counter and department masters, and display tokens (MASTER_ADMIN). */
@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize(QueueAdminApiController.ADMIN)
class QueueAdminApiController {

	static final String ADMIN = "hasAuthority('MASTER_ADMIN')";

	private final QueueAdministration administration;

	private final DisplayTokens tokens;

	QueueAdminApiController(QueueAdministration administration, DisplayTokens tokens) {
		this.administration = administration;
		this.tokens = tokens;
	}

	/**
	 * A counter: either just its code ({@code "3"}, named by its number in every
	 * language) or {@code {"code","name","nameEn","names","open"}}; {@code names}: the
	 * names in {@code zh}, {@code ko}, {@code vi}, {@code pt} (a missing one shows the
	 * English name on the display).
	 */
	record CounterBody(@NotBlank @Size(max = 16) String code, @Size(max = 50) @Nullable String name,
			@Size(max = 50) @Nullable String nameEn,
			@Nullable Map<@Pattern(regexp = LANGUAGE) String, @Size(max = 50) String> names, @Nullable Boolean open) {

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		CounterBody {
		}

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static CounterBody of(String code) {
			return new CounterBody(code, null, null, null, null);
		}

		Queue.Counter counter() {
			Queue.Counter numbered = Queue.Counter.numbered(code, open == null || open);
			if ((name == null || name.isBlank()) && (nameEn == null || nameEn.isBlank()) && names == null) {
				return numbered;
			}
			String shown = (name != null && !name.isBlank()) ? name : numbered.name();
			String shownEn = (nameEn != null && !nameEn.isBlank()) ? nameEn : numbered.nameEn();
			return new Queue.Counter(code, shown, shownEn, (names != null) ? names : Map.of(), numbered.open());
		}

	}

	/** A language of {@code names}: 中文（简体）, 한국어, Tiếng Việt, Português. */
	static final String LANGUAGE = "zh|ko|vi|pt";

	/**
	 * A queue; {@code names}: its names in {@code zh}, {@code ko}, {@code vi}, {@code pt}
	 * for the kiosk and the call display.
	 */
	record QueueBody(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 100) String name,
			@Size(max = 100) @Nullable String nameEn,
			@Nullable Map<@Pattern(regexp = LANGUAGE) String, @Size(max = 100) String> names,
			@Size(max = 32) @Nullable String department, @Nullable Integer firstNumber,
			@Nullable Integer defaultServiceMinutes, @Nullable Integer slotMinutes, @Nullable Integer slotCapacity,
			@Nullable Boolean active, @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull CounterBody> counters) {

		Queue queue(String code) {
			return new Queue(code, name, (nameEn != null) ? nameEn : "", (names != null) ? names : Map.of(), department,
					(firstNumber != null) ? firstNumber : 1,
					(defaultServiceMinutes != null) ? defaultServiceMinutes : 10,
					(slotMinutes != null) ? slotMinutes : Queue.DEFAULT_SLOT_MINUTES,
					(slotCapacity != null) ? slotCapacity : 0, active == null || active, false,
					counters.stream().map(CounterBody::counter).toList());
		}

	}

	record DepartmentBody(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 100) String name,
			@Size(max = 100) @Nullable String nameEn, @Size(max = 20) @Nullable List<@NotBlank String> guideNames,
			@Size(max = 50) @Nullable String defaultPrinter) {
	}

	record TokenBody(@NotBlank @Size(max = 100) String name) {
	}

	@GetMapping("/queues")
	List<Queue> queues() {
		return administration.queues();
	}

	@PostMapping("/queues")
	@ResponseStatus(HttpStatus.CREATED)
	Queue addQueue(@Valid @RequestBody QueueBody body) {
		return administration.addQueue(body.queue(body.code()));
	}

	@PutMapping("/queues/{code}")
	Queue updateQueue(@PathVariable String code, @Valid @RequestBody QueueBody body) {
		return administration.updateQueue(body.queue(code));
	}

	@GetMapping("/departments")
	List<Department> departments() {
		return administration.departments();
	}

	@PostMapping("/departments")
	Department saveDepartment(@Valid @RequestBody DepartmentBody body) {
		Department department = new Department(body.code(), body.name(), (body.nameEn() != null) ? body.nameEn() : "",
				(body.guideNames() != null) ? body.guideNames() : List.of(), false, body.defaultPrinter());
		administration.saveDepartment(department);
		return department;
	}

	/**
	 * Issues a call-display token for the queue; the token is shown only in this answer.
	 */
	@PostMapping("/queues/{code}/display-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> issueToken(@PathVariable String code, @Valid @RequestBody TokenBody body) {
		administration.queues()
			.stream()
			.filter(q -> q.code().equals(code))
			.findFirst()
			.orElseThrow(() -> jp.madoguchi.platform.ProblemException.notFound("QUEUE_NOT_FOUND"));
		String token = tokens.issue(code, body.name());
		// a one-time pairing code; the fragment never reaches a server
		return Map.of("token", token, "url", "/display/pair#" + token);
	}

	@DeleteMapping("/display-tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(@PathVariable UUID id) {
		tokens.revoke(id);
	}

}
