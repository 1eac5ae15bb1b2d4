# Two commands set everything up on a fresh machine: `make demo` and `make test`.
# Every target installs what it needs first (a virtualenv in .venv with the package and its
# test and benchmark tools), so nothing has to be installed by hand.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO := fixtures/pages/zh_front_5col.pdf
# Tesseract and its language models for scanned pages (layout/sources/ocr.py); frk is Fraktur.
OCR_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-chi-tra \
	tesseract-ocr-chi-sim-vert tesseract-ocr-chi-tra-vert tesseract-ocr-jpn tesseract-ocr-jpn-vert \
	tesseract-ocr-fra tesseract-ocr-deu tesseract-ocr-frk

# What the fixture pages of other PDF producers need (fixtures/producers/README.md): only to
# regenerate them; the committed sample is read by the tests without any of this.
# The last line is WeasyPrint's: Pango, and the fonts it sets (URW C059 and Nimbus Sans; DejaVu
# Serif draws the break hyphen U+2010, which C059 lacks). The line after it is LibreOffice's:
# Writer without a GUI, the US English hyphenation dictionary, and TeX Gyre Pagella and Heros.
# The next line starts with ReportLab's TrueType fonts: DejaVu Serif Condensed and AR PL SungtiL GB
# (ReportLab cannot embed CFF-flavoured OpenType such as Noto CJK), then groff's. The last line
# is Scribus (run headless with QT_QPA_PLATFORM=offscreen, no X server) and the Chinese fonts it
# sets besides AR PL SungtiL GB (it lists no Noto CJK).
PRODUCER_PACKAGES := chromium fonts-liberation fonts-wqy-microhei texlive-latex-extra \
	texlive-pictures texlive-xetex texlive-lang-chinese fonts-noto-cjk lmodern texlive-fonts-recommended \
	libpango-1.0-0 libpangoft2-1.0-0 fonts-urw-base35 fonts-dejavu-core \
	libreoffice-writer-nogui hyphen-en-us fonts-texgyre \
	fonts-dejavu-extra fonts-arphic-gbsn00lp groff ghostscript \
	scribus fonts-arphic-uming fonts-arphic-gkai00mp fonts-droid-fallback

.PHONY: install ocr-models browser pdf-writers demo test bench fixtures producer-tools producers clean

install: $(STAMP) ocr-models browser

# Debian's chromium, which Playwright drives in the overlay view's tests (tests/test_view.py);
# Playwright's own browser download is never used. Installed only when missing.
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The PDF writers that bench/pdf_variants.py rewrites born-digital pages with: Ghostscript
# (pdfwrite; tests/test_pdf_variants.py runs it), poppler's pdftocairo and MuPDF's mutool.
# Installed only when one is missing.
PDF_WRITER_PACKAGES := ghostscript poppler-utils mupdf-tools
pdf-writers:
	@dpkg -s $(PDF_WRITER_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_WRITER_PACKAGES) >/dev/null; }

# Installed only when one is missing, so a second `make` asks apt nothing.
ocr-models:
	@dpkg -s $(OCR_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(OCR_PACKAGES) >/dev/null; }

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	mkdir -p out
	$(VENV)/bin/newslayout convert $(DEMO) -o out/demo.html --images out/demo_files
	@echo
	@echo "Open out/demo.html in a browser: the sample page $(DEMO), rebuilt as stories in reading order."

test: install pdf-writers
	$(PY) -m pytest -q

bench: install pdf-writers producer-tools
	$(PY) bench/run.py --out BENCHMARKS.md
	$(PY) bench/archive.py --reps 3 >> BENCHMARKS.md
	$(PY) bench/variants.py >> BENCHMARKS.md  # the archives as other OCR engines write them: ~9 minutes
	$(PY) bench/pdf_variants.py -j 2 >> BENCHMARKS.md  # born-digital pages through other PDF writers: ~3 minutes (5 CPU minutes)
	$(PY) bench/fit_ads.py --born-digital fixtures/pages --born-digital fixtures/producers/pages >> BENCHMARKS.md
	$(PY) bench/batch.py >> BENCHMARKS.md
	$(PY) bench/scans.py >> BENCHMARKS.md  # whole-page OCR: several minutes
	$(PY) bench/scale.py >> BENCHMARKS.md  # five families of page at growing sizes: ~10 minutes
	$(PY) -m pytest -q -p no:cacheprovider -m slow tests/test_hostile.py  # issue 12's bombs at full size

fixtures: install
	$(PY) fixtures/make_fixtures.py

# The producers' tools, installed only when missing (Typst, WeasyPrint and ReportLab from PyPI
# into the venv; ReportLab hyphenates with pyphen, which WeasyPrint brings; groff's gropdf
# embeds the URW fonts that Ghostscript's resource folder links to).
producer-tools: $(STAMP)
	@dpkg -s $(PRODUCER_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PRODUCER_PACKAGES) >/dev/null; }
	@$(PY) -c "import typst" 2>/dev/null || $(PY) -m pip install --quiet typst
	@$(PY) -c "import weasyprint" 2>/dev/null || $(PY) -m pip install --quiet weasyprint
	@$(PY) -c "import reportlab" 2>/dev/null || $(PY) -m pip install --quiet reportlab

producers: install producer-tools
	$(PY) fixtures/producers/make_pages.py

clean:
	rm -rf out build dist *.egg-info .pytest_cache
