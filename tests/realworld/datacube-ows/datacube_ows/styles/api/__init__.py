# This file is part of datacube-ows, part of the Open Data Cube project.
# See https://opendatacube.org for more information.
#
# Copyright (c) 2017-2023 OWS Contributors
# SPDX-License-Identifier: Apache-2.0

from datacube_ows.styles.api.base import (  # noqa: F401 isort:skip
    StandaloneStyle, apply_ows_style, apply_ows_style_cfg,
    generate_ows_legend_style, generate_ows_legend_style_cfg,
    plot_image, plot_image_with_style, plot_image_with_style_cfg)

from datacube_ows.ogc_utils import create_geobox, xarray_image_as_png       # noqa: F401 isort:skip
from datacube_ows.band_utils import scale_data, scalable, band_modulator    # noqa: F401 isort:skip
