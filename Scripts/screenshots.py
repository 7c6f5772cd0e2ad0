#!/usr/bin/env python3
"""Screenshots of a built portal for the README: the home page and one record page at phone
(390 px) and desktop (1280 px) widths, with JavaScript off so the pages show the build day's
text (`--as-of`), not the reader's clock. Needs the acceptance harness's venv (selenium):

    /tmp/acceptance-venv/bin/python Scripts/screenshots.py Site docs/screenshots \
        index.html van-ban/du-thao-quy-che-dan-chu/index.html

PNGs are reduced to 64 colours when Pillow is importable (keeps docs/ small).
"""
import base64, os, pathlib, sys

from selenium import webdriver

site, out, pages = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]), sys.argv[3:]
out.mkdir(parents=True, exist_ok=True)
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--lang=vi-VN"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
driver = webdriver.Chrome(options=options)
try:
    for page in pages:
        name = "home" if page == "index.html" else pathlib.PurePosixPath(page).parent.name
        for width, mobile in ((390, True), (1280, False)):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile})
            driver.get((site / page).as_uri())
            size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
            height = min(int(size["height"]), 2400 if mobile else 1400)
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
            target = out / f"{name}-{width}.png"
            target.write_bytes(base64.b64decode(shot["data"]))
            try:
                from PIL import Image
                Image.open(target).convert("RGB").quantize(colors=64).save(target, optimize=True)
            except ImportError:
                pass
            print(f"{target} ({os.path.getsize(target) // 1024} KB)")
finally:
    driver.quit()
