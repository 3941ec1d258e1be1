package jp.madoguchi.admin.web;

import jp.madoguchi.admin.domain.HealthService;
import jp.madoguchi.admin.domain.HealthService.Health;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The operations terminal's health page and its JSON twin (503 when something needs
 * attention, for scripts). {@code /actuator/health} stays the plain load-balancer probe.
 */
@Controller
@PreAuthorize("hasAuthority('MONITORING')")
class HealthPageController {

	private final HealthService health;

	HealthPageController(HealthService health) {
		this.health = health;
	}

	@GetMapping("/admin/health")
	String page(@RequestParam(defaultValue = "false") boolean recheck, Model model) {
		model.addAttribute("health", health.health(recheck));
		return "admin/health";
	}

	@GetMapping("/api/v1/admin/health")
	@ResponseBody
	ResponseEntity<Health> json(@RequestParam(defaultValue = "false") boolean recheck) {
		Health current = health.health(recheck);
		return ResponseEntity.status(current.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(current);
	}

}
