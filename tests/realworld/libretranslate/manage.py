from libretranslate import manage

if __name__ == "__main__":
    manage()
