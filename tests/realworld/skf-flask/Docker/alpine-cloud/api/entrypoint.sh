#!/bin/bash

# Start SKF services
/home/user_api/Docker/alpine-cloud/api/wrapper.sh
