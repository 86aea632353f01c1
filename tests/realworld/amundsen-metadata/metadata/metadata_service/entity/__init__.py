# Copyright Contributors to the Amundsen project.
# SPDX-License-Identifier: Apache-2.0
