package org.casework.api.regions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.casework.core.regions.Region;
import org.casework.core.regions.RegionImporter;
import org.casework.core.regions.RegionService;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "regions")
@RestController
@RequestMapping("/api/v1/regions")
@RequiredArgsConstructor
class RegionController {

    private final RegionService regions;
    private final RegionImporter importer;

    record RegionResponse(String code, String name, RegionLevel level, String parentCode) {
        static RegionResponse of(Region r) {
            return new RegionResponse(r.getCode(), r.getName(), r.getLevel(), r.getParentCode());
        }
    }

    @Operation(summary = "Child regions of a region, or the provinces when no parent is given")
    @GetMapping
    List<RegionResponse> list(@RequestParam(required = false) String parent) {
        List<Region> found = parent == null || parent.isBlank()
                ? regions.ofLevel(RegionLevel.PROVINCE)
                : regions.children(RegionCode.parse(parent));
        return found.stream().map(RegionResponse::of).toList();
    }

    @GetMapping("/{code}")
    RegionResponse get(@PathVariable String code) {
        return RegionResponse.of(regions.require(RegionCode.parse(code)));
    }

    @Operation(summary = "Import divisions from an official CSV file (administrators); parents first")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RegionImporter.ImportResult importCsv(@RequestPart("file") MultipartFile file) {
        try {
            return importer.importCsv(file.getInputStream());
        } catch (IOException e) {
            throw new InvalidInputException("file", "region.import.unreadable");
        }
    }
}
